using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The <c>fido-u2f</c> attestation format (WebAuthn §8.6) of CTAP1 keys registered through WebAuthn.</summary>
internal static class FidoU2fAttestation
{
    public static Outcome? Verify(AttestationStatement statement, AuthenticatorData authData, byte[] clientDataHash)
    {
        var credential = authData.Credential!;
        // Step 1–2: exactly one certificate with a P-256 key; the credential key is ES256 (its point is signed below).
        if (statement.Signature is not { } sig || statement.Certificates is not [var der] || statement.Algorithm is not null ||
            credential.PublicKey.UncompressedPoint is not { } point)
            return Fido2Outcomes.Fido2RegistrationInvalid;
        // methods.md §10.6: U2F keys have no AAGUID.
        if (credential.Aaguid.Any(b => b != 0)) return Fido2Outcomes.Fido2RegistrationInvalid;
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            using var key = certificate.GetECDsaPublicKey();
            if (key is null || key.KeySize != 256) return Fido2Outcomes.Fido2RegistrationInvalid;
            // Steps 3–6: verificationData = 0x00 ‖ rpIdHash ‖ clientDataHash ‖ credentialId ‖ publicKeyU2F, DER signature.
            byte[] signed = [0x00, .. authData.RpIdHash, .. clientDataHash, .. credential.CredentialId, .. point];
            return key.VerifyData(signed, sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? null
                : Fido2Outcomes.Fido2RegistrationInvalid;
        }
        catch (CryptographicException)
        {
            return Fido2Outcomes.Fido2RegistrationInvalid;
        }
    }
}
