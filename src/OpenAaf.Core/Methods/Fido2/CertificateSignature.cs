using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>Verifies a signature with an attestation certificate's key under a COSE algorithm id.</summary>
internal static class CertificateSignature
{
    public static bool Verify(X509Certificate2 certificate, int algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        switch (algorithm)
        {
            case CoseAlgorithms.Es256:
                using (var ecdsa = certificate.GetECDsaPublicKey())
                    return ecdsa is { KeySize: 256 } &&
                           ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            case CoseAlgorithms.Rs256:
                using (var rsa = certificate.GetRSAPublicKey())
                    return rsa is { KeySize: >= 2048 } && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            default:
                // .NET cannot read Ed25519 certificate keys; such attestations are not verifiable here.
                return false;
        }
    }
}
