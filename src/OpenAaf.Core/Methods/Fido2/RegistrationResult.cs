using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The verdict on a registration: a failure, or the new credential to store.</summary>
public sealed record RegistrationResult(Outcome? Failure, Fido2Credential? Credential)
{
    public static RegistrationResult Fail(Outcome outcome) => new(outcome, null);
}
