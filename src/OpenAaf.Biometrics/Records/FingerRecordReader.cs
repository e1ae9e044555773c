using System.Buffers.Binary;

namespace OpenAaf.Biometrics.Records;

/// <summary>
/// Entry point: identifies the format of a finger minutiae record and validates it completely.
/// Bytes after the record length are ignored (real encoders pad records, notes/fingerprint.md §2.8).
/// </summary>
public static class FingerRecordReader
{
    private const uint Magic = 0x464D5200; // "FMR\0"
    private const uint Version2005 = 0x20323000; // " 20\0", shared by ISO 2005 and ANSI 378-2004
    private const uint Version2011 = 0x30333000; // "030\0"

    public static RecordReadResult Read(ReadOnlySpan<byte> data, RecordReaderOptions? options = null)
    {
        options ??= RecordReaderOptions.Default;
        if (data.Length > options.MaxRecordBytes)
        {
            return RecordReadResult.Failure(RecordError.TooLarge, $"input of {data.Length} bytes exceeds the cap of {options.MaxRecordBytes}");
        }

        if (data.Length < 8)
        {
            return RecordReadResult.Failure(RecordError.Truncated, $"input of {data.Length} bytes ends inside the 8-byte format identifier");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data) != Magic)
        {
            return RecordReadResult.Failure(RecordError.UnknownFormat, "format identifier is not \"FMR\\0\"");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        return version switch
        {
            Version2011 => Iso2011RecordReader.Read(data, options),
            Version2005 => ReadVersion20(data, options),
            _ => RecordReadResult.Failure(RecordError.UnknownFormat, $"version 0x{version:X8} is not \" 20\\0\" or \"030\\0\""),
        };
    }

    public static RecordReadResult Read(byte[] data, RecordReaderOptions? options = null) => Read(data.AsSpan(), options);

    // notes/fingerprint.md §2.7 (FingerprintIO's test): ISO 2005 and ANSI 378-2004 share the first 8 bytes;
    // bytes 8–9 as u16: ≥ 26 is an ANSI 2-byte length, 1–25 the high half of an ISO 4-byte length,
    // 0 defers to bytes 10–11: ≥ 24 is the low half of an ISO length, else ANSI's 6-byte long form.
    private static RecordReadResult ReadVersion20(ReadOnlySpan<byte> data, RecordReaderOptions options)
    {
        if (data.Length < 12)
        {
            return RecordReadResult.Failure(RecordError.Truncated, $"input of {data.Length} bytes ends inside the record length field");
        }

        int high = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        int low = BinaryPrimitives.ReadUInt16BigEndian(data[10..]);
        if (high >= 26)
        {
            return LegacyRecordReader.Read(data, options, FingerRecordFormat.Ansi2004, recordLength: high, lengthFieldSize: 2);
        }

        if (high > 0 || low >= 24)
        {
            return LegacyRecordReader.Read(data, options, FingerRecordFormat.Iso2005, ((long)high << 16) | (uint)low, lengthFieldSize: 4);
        }

        if (data.Length < 14)
        {
            return RecordReadResult.Failure(RecordError.Truncated, $"input of {data.Length} bytes ends inside the ANSI long record length");
        }

        long longLength = BinaryPrimitives.ReadUInt32BigEndian(data[10..]);
        return LegacyRecordReader.Read(data, options, FingerRecordFormat.Ansi2004, longLength, lengthFieldSize: 6);
    }
}
