using System.Security.Cryptography;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>Registration verification, WebAuthn L2 §7.1, in the order and with the codes of methods.md §10.6.</summary>
public static class RegistrationVerifier
{
    public static RegistrationResult Verify(
        WebAuthnResponse response, Fido2State? state, Fido2Policy policy, byte[] userHandle,
        IReadOnlyList<Fido2Credential> registered, DateTimeOffset now)
    {
        // methods.md step 1 (§7.1 steps 5–9): webauthn.create client data, our challenge, an allowed origin.
        if (ClientData.TryParse(response.ClientDataJson) is not { } clientData || clientData.Type != ClientData.Create)
            return RegistrationResult.Fail(Fido2Outcomes.Fido2RegistrationInvalid);
        if (state is null || !state.Matches(clientData.Challenge, now)) return RegistrationResult.Fail(Outcomes.ChallengeMismatch);
        if (clientData.CrossOrigin || !policy.AllowsOrigin(clientData.Origin)) return RegistrationResult.Fail(Fido2Outcomes.Fido2RpIdNotAllowed);

        // Step 2 (§7.1 step 12): strict CBOR attestation object.
        if (response.AttestationObject is not { } encoded || AttestationObject.TryParse(encoded) is not { } attestation)
            return RegistrationResult.Fail(Fido2Outcomes.Fido2RegistrationInvalid);

        // Step 3 (§7.1 steps 13–17): authenticator data for our RP id, with UP, UV if required, and an attested credential.
        var raw = attestation.AuthData;
        if (raw.Length >= AuthenticatorData.HeaderLength &&
            !CryptographicOperations.FixedTimeEquals(raw.AsSpan(0, 32), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state.RpId))))
            return RegistrationResult.Fail(Fido2Outcomes.Fido2RpIdNotAllowed);
        if (AuthenticatorData.TryParse(raw) is not { Credential: { } credential } authData ||
            !authData.Has(AuthenticatorFlags.UserPresent) ||
            (policy.UserVerificationRequired && !authData.Has(AuthenticatorFlags.UserVerified)) ||
            !policy.Algorithms.Contains(credential.PublicKey.Algorithm) || !CoseSignature.IsUsable(credential.PublicKey) ||
            !credential.CredentialId.AsSpan().SequenceEqual(response.CredentialId))
            return RegistrationResult.Fail(Fido2Outcomes.Fido2RegistrationInvalid);

        // Step 4 (§7.1 steps 18–21): the attestation statement of its format, and trust when the policy asks for it.
        var clientDataHash = SHA256.HashData(response.ClientDataJson);
        if (AttestationVerifier.Verify(attestation, authData, clientDataHash, policy.Options, now) is { } attestationFailure)
            return RegistrationResult.Fail(attestationFailure);

        // Step 5 (§7.1 step 22): a credential id registered before is refused.
        if (registered.Any(r => CryptographicOperations.FixedTimeEquals(r.CredentialId, credential.CredentialId)))
            return RegistrationResult.Fail(Outcomes.KeyAlreadyRegistered);

        // Step 6 (§7.1 step 23): what the template stores; sign_count starts where the authenticator is.
        return new RegistrationResult(null, new Fido2Credential
        {
            RpId = state.RpId,
            CredentialId = credential.CredentialId,
            PublicKey = credential.PublicKey.Encoded,
            Algorithm = credential.PublicKey.Algorithm,
            SignCount = authData.SignCount,
            Aaguid = credential.AaguidValue,
            Format = attestation.Format,
            Transports = response.Transports,
            UserHandle = userHandle,
            BackupEligible = authData.Has(AuthenticatorFlags.BackupEligible),
            BackupState = authData.Has(AuthenticatorFlags.BackupState),
        });
    }
}
