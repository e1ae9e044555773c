using System.Formats.Cbor;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// A credential public key as a COSE_Key (RFC 9052 §7, RFC 9053): EC2 P-256 for ES256, RSA for RS256,
/// OKP Ed25519 for EdDSA. <see cref="Encoded"/> keeps the bytes exactly as the authenticator sent them.
/// </summary>
public sealed class CoseKey
{
    private const int KeyType = 1, Alg = 3, Param1 = -1, Param2 = -2, Param3 = -3;
    private const int Okp = 1, Ec2 = 2, Rsa = 3, CurveP256 = 1, CurveEd25519 = 6;

    private CoseKey(int algorithm, byte[] encoded, byte[] first, byte[] second)
    {
        Algorithm = algorithm;
        Encoded = encoded;
        First = first;
        Second = second;
    }

    public int Algorithm { get; }
    public byte[] Encoded { get; }
    /// <summary>EC2: x; RSA: n; OKP: x.</summary>
    internal byte[] First { get; }
    /// <summary>EC2: y; RSA: e; OKP: empty.</summary>
    internal byte[] Second { get; }

    /// <summary>The uncompressed point <c>04 ‖ x ‖ y</c> of an ES256 key (fido-u2f attestation); null otherwise.</summary>
    public byte[]? UncompressedPoint => Algorithm == CoseAlgorithms.Es256 ? [0x04, .. First, .. Second] : null;

    /// <summary>Reads the key at the start of <paramref name="data"/>; <paramref name="length"/> is the bytes it took.</summary>
    public static CoseKey? TryRead(ReadOnlyMemory<byte> data, out int length)
    {
        length = 0;
        try
        {
            var reader = StrictCbor.Reader(data, multipleRootValues: true);
            var key = Read(reader);
            length = data.Length - reader.BytesRemaining;
            return key is null ? null : new CoseKey(key.Value.Alg, data[..length].ToArray(), key.Value.First, key.Value.Second);
        }
        catch (Exception e) when (StrictCbor.IsMalformed(e))
        {
            return null;
        }
    }

    /// <summary>Parses a stored key (the whole of <paramref name="encoded"/>).</summary>
    public static CoseKey? TryParse(byte[] encoded) =>
        TryRead(encoded, out var length) is { } key && length == encoded.Length ? key : null;

    private static (int Alg, byte[] First, byte[] Second)? Read(CborReader reader)
    {
        int? kty = null, alg = null, crv = null;
        byte[]? p1 = null, p2 = null, p3 = null;
        var pairs = StrictCbor.ReadMapStart(reader);
        for (var i = 0; i < pairs; i++)
        {
            if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
            {
                StrictCbor.Skip(reader); // text labels are allowed by COSE and carry nothing we use
                StrictCbor.Skip(reader);
                continue;
            }
            var label = reader.ReadInt32();
            var isInt = reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger;
            switch (label)
            {
                case KeyType: kty = reader.ReadInt32(); break;
                case Alg: alg = reader.ReadInt32(); break;
                case Param1 when isInt: crv = reader.ReadInt32(); break;
                case Param1: p1 = StrictCbor.ReadBytes(reader); break;
                case Param2: p2 = StrictCbor.ReadBytes(reader); break;
                case Param3: p3 = StrictCbor.ReadBytes(reader); break;
                default: StrictCbor.Skip(reader); break;
            }
        }
        reader.ReadEndMap();

        // kty, alg and curve must agree (methods.md §10.6 step 3); sizes are those of the curve or a sane RSA key.
        return (kty, alg) switch
        {
            (Ec2, CoseAlgorithms.Es256) when crv == CurveP256 && p2 is { Length: 32 } && p3 is { Length: 32 } => (alg.Value, p2, p3),
            (Okp, CoseAlgorithms.EdDsa) when crv == CurveEd25519 && p2 is { Length: 32 } && p3 is null => (alg.Value, p2, []),
            (Rsa, CoseAlgorithms.Rs256) when crv is null && p1 is { Length: >= 256 and <= 512 } && p2 is { Length: >= 1 and <= 8 } && p3 is null =>
                (alg.Value, p1, p2),
            _ => null,
        };
    }
}
