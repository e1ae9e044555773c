namespace OpenAaf.Biometrics.Records;

/// <summary>
/// Reads the part all three formats share: the minutiae and the extended data block. The extended block
/// is skipped by its block length only, because implementations disagree on whether an area's length
/// counts its own 4-byte header (notes/fingerprint.md §2.3); the block length is what both camps agree on.
/// </summary>
internal static class ViewBodyReader
{
    private const int CoordinateMask = 0x3FFF;

    public static RecordRejection? ReadMinutiae(
        ref RecordCursor cursor,
        int count,
        int fieldLength,
        AngleUnit unit,
        ViewGeometry geometry,
        string where,
        List<Minutia> into)
    {
        if (!cursor.Has(count * fieldLength))
        {
            return new(
                RecordError.LengthMismatch,
                $"{where}: {count} minutiae of {fieldLength} bytes from byte {cursor.Position} end at byte "
                + $"{cursor.Position + (count * fieldLength)}, past the declared end at byte {cursor.Length}");
        }

        for (var i = 0; i < count; i++)
        {
            int xField = cursor.U16();
            int yField = cursor.U16();
            int rawAngle = cursor.U8();
            int quality = fieldLength == 6 ? cursor.U8() : 0;
            var kind = xField >> 14;
            if (kind == 3)
            {
                return new(RecordError.ReservedMinutiaType, $"{where}: minutia {i} has the reserved type code 3");
            }

            // Note: the top two bits of y are reserved; encoders are told to write 0 but readers must mask them.
            int x = xField & CoordinateMask, y = yField & CoordinateMask;
            if (x >= geometry.Width || y >= geometry.Height)
            {
                return new(
                    RecordError.CoordinateOutOfRange,
                    $"{where}: minutia {i} at ({x}, {y}) lies outside the {geometry.Width}×{geometry.Height} px image");
            }

            if (unit == AngleUnit.Ansi2Degrees && rawAngle >= 180)
            {
                return new(RecordError.AngleOutOfRange, $"{where}: minutia {i} has angle {rawAngle}, above the ANSI maximum 179 (2° units)");
            }

            var angle = unit == AngleUnit.Iso256 ? rawAngle * (Math.PI / 128) : rawAngle * (Math.PI / 90);
            into.Add(new Minutia((MinutiaKind)kind, x, y, angle, quality));
        }

        return null;
    }

    public static RecordRejection? SkipExtendedData(ref RecordCursor cursor, string where)
    {
        if (!cursor.Has(2))
        {
            return new(
                RecordError.LengthMismatch,
                $"{where}: the extended data length at byte {cursor.Position} lies past the declared end at byte {cursor.Length}");
        }

        int length = cursor.U16();
        if (!cursor.Has(length))
        {
            return new(
                RecordError.LengthMismatch,
                $"{where}: extended data of {length} bytes from byte {cursor.Position} runs past the declared end at byte {cursor.Length}");
        }

        cursor.Skip(length);
        return null;
    }

    public static RecordRejection? CheckCount(int count, RecordReaderOptions options, string where) =>
        count < options.MinMinutiae
            ? new(RecordError.TooFewMinutiae, $"{where}: {count} minutiae, fewer than the minimum {options.MinMinutiae}")
            : null;
}
