using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The verdict on an assertion: a failure, or the credential that verified and its updated payload.</summary>
public sealed record AssertionResult(Outcome? Failure, StoredCredential? Verified, Fido2Credential? Updated)
{
    public static AssertionResult Fail(Outcome outcome) => new(outcome, null, null);
}
