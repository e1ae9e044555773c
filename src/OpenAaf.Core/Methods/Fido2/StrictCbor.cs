using System.Formats.Cbor;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// CBOR as methods.md §10.6 step 2 wants it: well-formed, valid UTF-8, no duplicate map keys (the
/// reader's Strict mode), definite lengths only and bounded nesting (checked here). Every reader method
/// throws <see cref="CborContentException"/> on a violation; the parsers catch it at their boundary
/// through <see cref="IsMalformed"/>, so malformed input never escapes as an exception.
/// </summary>
internal static class StrictCbor
{
    private const int MaxDepth = 16;

    public static CborReader Reader(ReadOnlyMemory<byte> data, bool multipleRootValues = false) =>
        new(data, CborConformanceMode.Strict, allowMultipleRootLevelValues: multipleRootValues);

    /// <summary>The exceptions <see cref="CborReader"/> raises for malformed or unexpected input.</summary>
    public static bool IsMalformed(Exception e) =>
        e is CborContentException or InvalidOperationException or OverflowException or FormatException;

    public static int ReadMapStart(CborReader reader) =>
        reader.ReadStartMap() ?? throw new CborContentException("indefinite-length map");

    public static int ReadArrayStart(CborReader reader) =>
        reader.ReadStartArray() ?? throw new CborContentException("indefinite-length array");

    public static byte[] ReadBytes(CborReader reader) =>
        reader.PeekState() == CborReaderState.ByteString
            ? reader.ReadByteString()
            : throw new CborContentException("expected a definite-length byte string");

    public static string ReadText(CborReader reader) =>
        reader.PeekState() == CborReaderState.TextString
            ? reader.ReadTextString()
            : throw new CborContentException("expected a definite-length text string");

    /// <summary>Skips one value, refusing indefinite lengths and nesting deeper than <see cref="MaxDepth"/>.</summary>
    public static void Skip(CborReader reader, int depth = 0)
    {
        if (depth > MaxDepth) throw new CborContentException("nesting too deep");
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                var pairs = ReadMapStart(reader);
                for (var i = 0; i < pairs * 2; i++) Skip(reader, depth + 1);
                reader.ReadEndMap();
                break;
            case CborReaderState.StartArray:
                var items = ReadArrayStart(reader);
                for (var i = 0; i < items; i++) Skip(reader, depth + 1);
                reader.ReadEndArray();
                break;
            case CborReaderState.Tag:
                reader.ReadTag();
                Skip(reader, depth + 1);
                break;
            case CborReaderState.StartIndefiniteLengthByteString or CborReaderState.StartIndefiniteLengthTextString:
                throw new CborContentException("indefinite-length string");
            default:
                reader.SkipValue();
                break;
        }
    }

    /// <summary>Reads one complete map (the extensions of authenticator data) and returns how many bytes it took.</summary>
    public static int SkipMap(ReadOnlyMemory<byte> data)
    {
        var reader = Reader(data, multipleRootValues: true);
        if (reader.PeekState() != CborReaderState.StartMap) throw new CborContentException("expected a map");
        Skip(reader);
        return data.Length - reader.BytesRemaining;
    }
}
