using OpenAaf.Core.Catalogue;

namespace OpenAaf.Server.Tests.Methods.Echo;

/// <summary>The catalogue entries of ECHO:1, in a name space no real code uses.</summary>
public static class EchoOutcomes
{
    public static readonly Outcome EchoRequired = new("TEST-2001", "ECHO_REQUIRED", "Say the word");
    public static readonly Outcome EchoWrong = new("TEST-2002", "ECHO_WRONG", "That is not the word", CountsForLockout: true);
}
