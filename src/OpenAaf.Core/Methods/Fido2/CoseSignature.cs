using System.Security.Cryptography;
using NSec.Cryptography;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>Signature checks with a <see cref="CoseKey"/> (WebAuthn §7.2 step 20, §8.2 packed self attestation).</summary>
public static class CoseSignature
{
    /// <summary>True only for a valid signature; an invalid key or a malformed signature is simply false.</summary>
    public static bool Verify(CoseKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return key.Algorithm switch
            {
                CoseAlgorithms.Es256 => VerifyEs256(key, data, signature),
                CoseAlgorithms.Rs256 => VerifyRs256(key, data, signature),
                CoseAlgorithms.EdDsa => VerifyEdDsa(key, data, signature),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether the key can be loaded at all (a point on the curve, a usable modulus): checked at registration.</summary>
    public static bool IsUsable(CoseKey key)
    {
        try
        {
            switch (key.Algorithm)
            {
                case CoseAlgorithms.Es256:
                    using (Es256(key)) return true;
                case CoseAlgorithms.Rs256:
                    using (Rs256(key)) return true;
                case CoseAlgorithms.EdDsa:
                    return CoseAlgorithms.EdDsaAvailable &&
                           PublicKey.TryImport(SignatureAlgorithm.Ed25519, key.First, KeyBlobFormat.RawPublicKey, out _);
                default:
                    return false;
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool VerifyEs256(CoseKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        // WebAuthn ES256 signatures are ASN.1 DER (§6.5.5); .NET's default format is IEEE P1363 r‖s.
        using var ecdsa = Es256(key);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool VerifyRs256(CoseKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var rsa = Rs256(key);
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifyEdDsa(CoseKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!CoseAlgorithms.EdDsaAvailable || signature.Length != 64) return false;
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, key.First, KeyBlobFormat.RawPublicKey, out var publicKey) &&
               SignatureAlgorithm.Ed25519.Verify(publicKey!, data, signature);
    }

    private static ECDsa Es256(CoseKey key) =>
        // ImportParameters checks that the point is on P-256 and throws otherwise.
        ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.First, Y = key.Second } });

    private static RSA Rs256(CoseKey key)
    {
        var modulus = key.First.AsSpan().TrimStart((byte)0).ToArray();
        if (modulus.Length < 256) throw new CryptographicException("RSA keys below 2048 bits are refused");
        return RSA.Create(new RSAParameters { Modulus = modulus, Exponent = key.Second });
    }
}
