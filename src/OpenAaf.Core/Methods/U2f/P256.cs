using System.Security.Cryptography;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>ECDSA P-256 / SHA-256 with the encodings U2F uses: raw uncompressed points and DER signatures.</summary>
internal static class P256
{
    /// <summary>The key of an uncompressed point <c>04‖X‖Y</c>, or null when it is not a point on P-256.</summary>
    public static ECDsa? Import(ReadOnlySpan<byte> point)
    {
        if (point.Length != 65 || point[0] != 0x04) return null;
        try
        {
            var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point.Slice(1, 32).ToArray(), Y = point.Slice(33, 32).ToArray() },
            });
            return key;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Verifies a DER (X9.62) signature. .NET's default is IEEE P1363 <c>r‖s</c>, which rejects every valid
    /// U2F signature (notes/protocols.md §4.6); malformed DER counts as invalid.
    /// </summary>
    public static bool VerifyDer(ECDsa key, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> derSignature)
    {
        try
        {
            return key.VerifyData(signedData, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
