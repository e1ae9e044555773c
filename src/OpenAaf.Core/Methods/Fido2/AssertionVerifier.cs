using System.Security.Cryptography;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// Assertion verification, WebAuthn L2 §7.2, in the order of methods.md §10.2 (first failure wins).
/// The challenge is "consumed" by the caller's state handling: every verdict after step 4 ends the step.
/// </summary>
public static class AssertionVerifier
{
    public static AssertionResult Verify(
        WebAuthnResponse response, IReadOnlyList<StoredCredential> offered, Fido2State? state, Fido2Policy policy, DateTimeOffset now)
    {
        // methods.md step 1 (WebAuthn §7.2 step 5): the credential must be one of those offered.
        var match = offered.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(c.Credential.CredentialId, response.CredentialId));
        if (match is null) return AssertionResult.Fail(Fido2Outcomes.Fido2UnknownCredential);
        var stored = match.Credential;

        // Step 2 (§7.2 step 6): a user handle, when sent, must be the one the credential was created for.
        if (response.UserHandle is { } handle && !CryptographicOperations.FixedTimeEquals(handle, stored.UserHandle))
            return AssertionResult.Fail(Fido2Outcomes.Fido2UnknownCredential);

        // Step 3 (§7.2 steps 8–11): clientDataJSON is a webauthn.get client data; the other fields must be present.
        if (response.AuthenticatorData is not { } authBytes || response.Signature is not { } signature ||
            ClientData.TryParse(response.ClientDataJson) is not { } clientData || clientData.Type != ClientData.Get)
            return AssertionResult.Fail(Fido2Outcomes.Fido2BadResponse);

        // Step 4 (§7.2 step 12): the outstanding, unexpired challenge of this process.
        if (state is null || !state.Matches(clientData.Challenge, now)) return AssertionResult.Fail(Fido2Outcomes.Fido2ChallengeMismatch);

        // Step 5 (§7.2 step 13): exact origin match; a cross-origin iframe is not an allowed origin.
        if (clientData.CrossOrigin || !policy.AllowsOrigin(clientData.Origin)) return AssertionResult.Fail(Fido2Outcomes.Fido2OriginMismatch);

        // Step 6 (§7.2 step 15, 18): rpIdHash of the credential's RP id; exact length, extensions well-formed.
        if (authBytes.Length < AuthenticatorData.HeaderLength) return AssertionResult.Fail(Fido2Outcomes.Fido2BadResponse);
        if (!CryptographicOperations.FixedTimeEquals(authBytes.AsSpan(0, 32), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stored.RpId))))
            return AssertionResult.Fail(Fido2Outcomes.Fido2RpIdMismatch);
        if (AuthenticatorData.TryParse(authBytes) is not { Credential: null } authData) return AssertionResult.Fail(Fido2Outcomes.Fido2BadResponse);

        // Step 7 (§7.2 steps 16–17): user presence always, user verification when the policy requires it.
        if (!authData.Has(AuthenticatorFlags.UserPresent)) return AssertionResult.Fail(Fido2Outcomes.Fido2UserNotPresent);
        if (policy.UserVerificationRequired && !authData.Has(AuthenticatorFlags.UserVerified))
            return AssertionResult.Fail(Fido2Outcomes.Fido2UserNotVerified);

        // Step 8 (§7.2 steps 19–20): signature over authData ‖ SHA-256(clientDataJSON as received).
        if (CoseKey.TryParse(stored.PublicKey) is not { } key ||
            !CoseSignature.Verify(key, [.. authBytes, .. SHA256.HashData(response.ClientDataJson)], signature))
            return AssertionResult.Fail(Fido2Outcomes.Fido2SignatureInvalid);

        // Step 9 (§7.2 step 21): a counter that does not grow means a possible clone; 0/0 is "no counter" (synced passkeys).
        if ((authData.SignCount != 0 || stored.SignCount != 0) && authData.SignCount <= stored.SignCount)
            return AssertionResult.Fail(Fido2Outcomes.Fido2CounterRegression);

        // Step 10: backup state is informational and kept up to date with the counter.
        var updated = stored with
        {
            SignCount = authData.SignCount,
            BackupEligible = authData.Has(AuthenticatorFlags.BackupEligible),
            BackupState = authData.Has(AuthenticatorFlags.BackupState),
        };
        return new AssertionResult(null, match, updated);
    }
}
