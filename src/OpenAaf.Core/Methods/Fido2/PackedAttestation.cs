using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The <c>packed</c> attestation format (WebAuthn §8.2), self attestation and x5c.</summary>
internal static class PackedAttestation
{
    /// <summary>id-fido-gen-ce-aaguid (WebAuthn §8.2.1): when present it must name the authenticator's AAGUID.</summary>
    private const string AaguidExtensionOid = "1.3.6.1.4.1.45724.1.1.4";

    public static Outcome? Verify(AttestationStatement statement, AuthenticatorData authData, byte[] clientDataHash)
    {
        if (statement.Algorithm is not { } alg || statement.Signature is not { } sig) return Fido2Outcomes.Fido2RegistrationInvalid;
        byte[] signed = [.. authData.Raw, .. clientDataHash];
        var credential = authData.Credential!;
        if (statement.Certificates is not { } x5c)
        {
            // §8.2 verification procedure, self attestation: alg is the credential's, the credential key signs.
            return alg == credential.PublicKey.Algorithm && CoseSignature.Verify(credential.PublicKey, signed, sig)
                ? null
                : Fido2Outcomes.Fido2RegistrationInvalid;
        }
        try
        {
            // §8.2 with x5c: alg names the attestation key's algorithm, x5c[0] signs (it need not be the credential's).
            using var certificate = X509CertificateLoader.LoadCertificate(x5c[0]);
            if (!MeetsRequirements(certificate, credential.Aaguid)) return Fido2Outcomes.Fido2RegistrationInvalid;
            return CertificateSignature.Verify(certificate, alg, signed, sig) ? null : Fido2Outcomes.Fido2RegistrationInvalid;
        }
        catch (CryptographicException)
        {
            return Fido2Outcomes.Fido2RegistrationInvalid;
        }
    }

    /// <summary>§8.2.1: not a CA certificate; the AAGUID extension, if present, matches authData (and is not critical).</summary>
    private static bool MeetsRequirements(X509Certificate2 certificate, byte[] aaguid)
    {
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority)) return false;
        var extension = certificate.Extensions[AaguidExtensionOid];
        if (extension is null) return true;
        if (extension.Critical) return false;
        try
        {
            var value = AsnDecoder.ReadOctetString(extension.RawData, AsnEncodingRules.DER, out var consumed);
            return consumed == extension.RawData.Length && value.AsSpan().SequenceEqual(aaguid);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
