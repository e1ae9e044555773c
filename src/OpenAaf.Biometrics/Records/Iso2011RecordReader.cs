namespace OpenAaf.Biometrics.Records;

/// <summary>
/// ISO/IEC 19794-2:2011 (version "030\0"): a 15-byte general header, then finger representations that
/// each carry their own length, capture metadata, geometry and minutiae (notes/fingerprint.md §2.6).
/// </summary>
internal static class Iso2011RecordReader
{
    private const int GeneralHeaderSize = 15;

    // length 4, date-time 9, device technology 1, vendor 2, type 2, quality block count 1
    private const int RepresentationPrefixSize = 19;

    // position 1, number 1, resolution 2 + 2, impression 1, size 2 + 2, field length/ending type 1, count 1
    private const int FingerHeaderSize = 13;

    public static RecordReadResult Read(ReadOnlySpan<byte> data, RecordReaderOptions options)
    {
        if (data.Length < GeneralHeaderSize)
        {
            return RecordReadResult.Failure(
                RecordError.Truncated,
                $"input of {data.Length} bytes ends inside the {GeneralHeaderSize}-byte ISO 19794-2:2011 header");
        }

        var header = new RecordCursor(data, 8);
        long recordLength = header.U32();
        int count = header.U16();
        var certified = header.U8() != 0;
        if (recordLength < GeneralHeaderSize)
        {
            return RecordReadResult.Failure(
                RecordError.LengthMismatch,
                $"ISO 19794-2:2011 record length {recordLength} is smaller than its {GeneralHeaderSize}-byte header");
        }

        if (recordLength > data.Length)
        {
            return RecordReadResult.Failure(RecordError.Truncated, $"record length {recordLength} exceeds data length {data.Length}");
        }

        if (count == 0)
        {
            return RecordReadResult.Failure(RecordError.NoViews, "the record declares 0 finger representations");
        }

        var record = data[..(int)recordLength];
        var position = GeneralHeaderSize;
        var views = new List<FingerView>(Math.Min(count, 16));
        for (var r = 0; r < count; r++)
        {
            var where = $"representation {r + 1} of {count}";
            if (record.Length - position < 4)
            {
                return RecordReadResult.Failure(
                    RecordError.LengthMismatch,
                    $"{where}: its length field at byte {position} lies past the record length {recordLength}");
            }

            var cursor = new RecordCursor(record, position);
            long length = cursor.U32();
            if (length > record.Length - position)
            {
                return RecordReadResult.Failure(
                    RecordError.LengthMismatch,
                    $"{where}: length {length} from byte {position} runs past the record length {recordLength}");
            }

            // Note: the representation length counts its own 4-byte field; bound the cursor to it so that
            // nothing inside can read into the next representation.
            cursor = new RecordCursor(record[..(position + (int)length)], position + 4);
            var result = ReadRepresentation(ref cursor, certified, options, where, out var view);
            if (result is not null)
            {
                return RecordReadResult.Failure(result.Error, result.Detail);
            }

            views.Add(view!);
            position += (int)length;
        }

        if (position != record.Length)
        {
            return RecordReadResult.Failure(
                RecordError.LengthMismatch,
                $"the {count} representation(s) end at byte {position} but the record length is {recordLength}");
        }

        return RecordReadResult.Success(new FingerRecord(FingerRecordFormat.Iso2011, (int)recordLength, views));
    }

    private static RecordRejection? ReadRepresentation(
        ref RecordCursor cursor,
        bool certified,
        RecordReaderOptions options,
        string where,
        out FingerView? view)
    {
        view = null;
        if (!cursor.Has(RepresentationPrefixSize - 4))
        {
            return Short(cursor, where, "capture metadata");
        }

        cursor.Skip(9 + 1 + 2 + 2); // capture date-time, device technology, vendor, device type: informative only
        int qualityBlocks = cursor.U8();
        if (!cursor.Has(5 * qualityBlocks))
        {
            return Short(cursor, where, $"{qualityBlocks} quality blocks");
        }

        cursor.Skip(5 * qualityBlocks);
        if (certified)
        {
            if (!cursor.Has(1))
            {
                return Short(cursor, where, "certification block count");
            }

            int certificationBlocks = cursor.U8();
            if (!cursor.Has(3 * certificationBlocks))
            {
                return Short(cursor, where, $"{certificationBlocks} certification blocks");
            }

            cursor.Skip(3 * certificationBlocks);
        }

        if (!cursor.Has(FingerHeaderSize))
        {
            return Short(cursor, where, "finger header");
        }

        int position = cursor.U8();
        int number = cursor.U8();
        int resolutionX = cursor.U16(), resolutionY = cursor.U16();
        int impression = cursor.U8();
        var geometry = new ViewGeometry(cursor.U16(), cursor.U16(), resolutionX, resolutionY);
        int fieldLength = cursor.U8() >> 4;
        int count = cursor.U8();
        if (geometry.Validate(options, where) is { } bad)
        {
            return bad;
        }

        if (fieldLength is not (5 or 6))
        {
            return new(RecordError.BadMinutiaFieldLength, $"{where}: minutia field length {fieldLength}, expected 5 or 6 bytes");
        }

        var minutiae = new List<Minutia>(count);
        var rejection = ViewBodyReader.ReadMinutiae(ref cursor, count, fieldLength, AngleUnit.Iso256, geometry, where, minutiae)
            ?? ViewBodyReader.SkipExtendedData(ref cursor, where)
            ?? ViewBodyReader.CheckCount(count, options, where);
        if (rejection is not null)
        {
            return rejection;
        }

        if (cursor.Remaining != 0)
        {
            return new(
                RecordError.LengthMismatch,
                $"{where}: content ends at byte {cursor.Position} but the representation length says byte {cursor.Length}");
        }

        view = new FingerView(
            position, number, impression, 0, geometry.Width, geometry.Height, geometry.ResolutionX, geometry.ResolutionY, minutiae);
        return null;
    }

    private static RecordRejection Short(RecordCursor cursor, string where, string what) =>
        new(RecordError.LengthMismatch, $"{where}: the {what} at byte {cursor.Position} run past the representation end at byte {cursor.Length}");
}
