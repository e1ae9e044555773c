using System.Formats.Cbor;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The fields of <c>attStmt</c> that the formats OpenAAF verifies use (packed, fido-u2f: <c>alg</c>,
/// <c>sig</c>, <c>x5c</c>); other keys (tpm, android-key, …) are skipped and only counted.
/// </summary>
public sealed record AttestationStatement(int Count, int? Algorithm, byte[]? Signature, IReadOnlyList<byte[]>? Certificates)
{
    private const int MaxCertificates = 8;

    public bool IsEmpty => Count == 0;

    internal static AttestationStatement Read(CborReader reader)
    {
        int? alg = null;
        byte[]? sig = null;
        List<byte[]>? x5c = null;
        var pairs = StrictCbor.ReadMapStart(reader);
        for (var i = 0; i < pairs; i++)
        {
            var key = reader.PeekState() == CborReaderState.TextString ? StrictCbor.ReadText(reader) : null;
            if (key is null) StrictCbor.Skip(reader);
            switch (key)
            {
                case "alg": alg = reader.ReadInt32(); break;
                case "sig": sig = StrictCbor.ReadBytes(reader); break;
                case "x5c": x5c = ReadCertificates(reader); break;
                default: StrictCbor.Skip(reader); break;
            }
        }
        reader.ReadEndMap();
        return new AttestationStatement(pairs, alg, sig, x5c);
    }

    private static List<byte[]> ReadCertificates(CborReader reader)
    {
        var count = StrictCbor.ReadArrayStart(reader);
        if (count is 0 or > MaxCertificates) throw new CborContentException("x5c must hold 1 to 8 certificates");
        var certificates = new List<byte[]>(count);
        for (var i = 0; i < count; i++) certificates.Add(StrictCbor.ReadBytes(reader));
        reader.ReadEndArray();
        return certificates;
    }
}
