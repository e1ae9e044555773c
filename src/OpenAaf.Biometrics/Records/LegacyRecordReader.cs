namespace OpenAaf.Biometrics.Records;

/// <summary>
/// ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004: the same header after the length field (ANSI adds a
/// 4-byte CBEFF product id), the same view layout, and different angle units.
/// </summary>
internal static class LegacyRecordReader
{
    private const int ViewHeaderSize = 4;
    private const int MinutiaSize = 6;

    public static RecordReadResult Read(
        ReadOnlySpan<byte> data,
        RecordReaderOptions options,
        FingerRecordFormat format,
        long recordLength,
        int lengthFieldSize)
    {
        var isAnsi = format == FingerRecordFormat.Ansi2004;
        var headerSize = 8 + lengthFieldSize + (isAnsi ? 4 : 0) + 12;
        var name = isAnsi ? "ANSI 378-2004" : "ISO 19794-2:2005";
        if (recordLength < headerSize)
        {
            return RecordReadResult.Failure(
                RecordError.LengthMismatch,
                $"{name} record length {recordLength} is smaller than its {headerSize}-byte header");
        }

        if (recordLength > data.Length)
        {
            return RecordReadResult.Failure(RecordError.Truncated, $"record length {recordLength} exceeds data length {data.Length}");
        }

        var cursor = new RecordCursor(data[..(int)recordLength], 8 + lengthFieldSize + (isAnsi ? 4 : 0));
        cursor.Skip(2); // capture equipment: compliance bits and device id, informative only
        var geometry = new ViewGeometry(cursor.U16(), cursor.U16(), cursor.U16(), cursor.U16());
        int viewCount = cursor.U8();
        cursor.Skip(1); // reserved
        if (geometry.Validate(options, "record header") is { } bad)
        {
            return RecordReadResult.Failure(bad.Error, bad.Detail);
        }

        if (viewCount == 0)
        {
            return RecordReadResult.Failure(RecordError.NoViews, "the record declares 0 finger views");
        }

        var views = new List<FingerView>(viewCount);
        var unit = isAnsi ? AngleUnit.Ansi2Degrees : AngleUnit.Iso256;
        for (var v = 0; v < viewCount; v++)
        {
            var where = $"view {v + 1} of {viewCount}";
            if (!cursor.Has(ViewHeaderSize))
            {
                return RecordReadResult.Failure(
                    RecordError.LengthMismatch,
                    $"{where}: its header at byte {cursor.Position} lies past the record length {recordLength}");
            }

            int position = cursor.U8();
            int viewAndImpression = cursor.U8();
            int quality = cursor.U8();
            int count = cursor.U8();
            var minutiae = new List<Minutia>(count);
            var rejection = ViewBodyReader.ReadMinutiae(ref cursor, count, MinutiaSize, unit, geometry, where, minutiae)
                ?? ViewBodyReader.SkipExtendedData(ref cursor, where)
                ?? ViewBodyReader.CheckCount(count, options, where);
            if (rejection is not null)
            {
                return RecordReadResult.Failure(rejection.Error, rejection.Detail);
            }

            views.Add(new FingerView(
                position,
                viewAndImpression >> 4,
                viewAndImpression & 0x0F,
                quality,
                geometry.Width,
                geometry.Height,
                geometry.ResolutionX,
                geometry.ResolutionY,
                minutiae));
        }

        if (cursor.Remaining != 0)
        {
            return RecordReadResult.Failure(
                RecordError.LengthMismatch,
                $"the {viewCount} view(s) end at byte {cursor.Position} but the record length is {recordLength}");
        }

        return RecordReadResult.Success(new FingerRecord(format, (int)recordLength, views));
    }
}
