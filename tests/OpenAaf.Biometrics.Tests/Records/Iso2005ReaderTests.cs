using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Records;

public sealed class Iso2005ReaderTests
{
    private static readonly List<TestMinutia> Ten = Synthetic.Finger(seed: 1, count: 10);

    [Fact]
    public void Written_record_round_trips()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten, Position: 7, Impression: 8, Quality: 61));

        var record = FingerRecordReader.Read(bytes).Record!;

        Assert.Equal(FingerRecordFormat.Iso2005, record.Format);
        var view = Assert.Single(record.Views);
        Assert.Equal((7, 8, 61), (view.FingerPosition, view.ImpressionType, view.FingerQuality));
        Assert.Equal(Ten.Select(m => (m.X, m.Y, m.Type)), view.Minutiae.Select(m => (m.X, m.Y, (int)m.Kind)));
    }

    [Theory]
    [InlineData(0, 255)] // record length, high byte
    [InlineData(1, 1)] // record length one more than the data
    [InlineData(1, -1)] // record length one less: content runs past it
    public void Wrong_record_length_is_rejected(int whichByte, int delta)
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten));
        var at = whichByte == 0 ? 9 : 11;
        bytes[at] = (byte)(bytes[at] + delta);

        var result = FingerRecordReader.Read(bytes);

        Assert.False(result.IsValid);
        Assert.Contains(result.Rejection.Error, new[] { RecordError.Truncated, RecordError.LengthMismatch });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Wrong_minutia_count_is_rejected(int delta)
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten));
        bytes[27] = (byte)(bytes[27] + delta);

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Wrong_extended_data_length_is_rejected(int delta)
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten, Extended: [0, 1, 0, 7, 0, 1, 2]));
        var at = 28 + (6 * Ten.Count) + 1;
        bytes[at] = (byte)(bytes[at] + delta);

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Wrong_view_count_is_rejected()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten));
        bytes[22] = 2;

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Extended_data_is_skipped_by_the_block_length_whatever_its_areas_claim()
    {
        // An area claiming 0xFFFF bytes: only the block length is trusted (notes/fingerprint.md §2.3).
        byte[] extended = [0x01, 0x44, 0xFF, 0xFF, 9, 9];
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten, Extended: extended), new TestView(Ten));

        var record = FingerRecordReader.Read(bytes).Record!;

        Assert.Equal(2, record.Views.Count);
        Assert.Equal(10, record.Views[1].Minutiae.Count);
    }

    [Fact]
    public void Zero_minutiae_is_too_few()
    {
        var result = FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView([])));

        Assert.Equal(RecordError.TooFewMinutiae, result.Rejection!.Error);
        Assert.Equal("view 1 of 1: 0 minutiae, fewer than the minimum 6", result.Rejection.Detail);
    }

    [Fact]
    public void Minimum_is_configurable()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten[..5]));

        Assert.False(FingerRecordReader.Read(bytes).IsValid);
        Assert.True(FingerRecordReader.Read(bytes, new RecordReaderOptions { MinMinutiae = 5 }).IsValid);
    }

    [Fact]
    public void Two_hundred_fifty_five_minutiae_are_accepted()
    {
        var many = Enumerable.Range(0, 255).Select(i => new TestMinutia(1, 5 + (i % 16 * 18), 5 + (i / 16 * 24), i)).ToList();

        var record = FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView(many))).Record!;

        Assert.Equal(255, record.Views[0].Minutiae.Count);
    }

    [Theory]
    [InlineData(300, 10)]
    [InlineData(10, 400)]
    public void Coordinates_outside_the_image_are_rejected(int x, int y)
    {
        var minutiae = Ten.Append(new TestMinutia(1, x, y, 0)).ToList();

        var rejection = FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView(minutiae))).Rejection!;

        Assert.Equal(RecordError.CoordinateOutOfRange, rejection.Error);
        Assert.Contains($"minutia 10 at ({x}, {y}) lies outside the 300×400 px image", rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, RecordError.BadGeometry)]
    [InlineData(50, RecordError.BadGeometry)]
    public void Implausible_resolution_is_rejected(int resolution, RecordError expected) =>
        Assert.Equal(expected, FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, resolution, new TestView(Ten))).Rejection!.Error);

    [Fact]
    public void Zero_image_size_is_rejected() =>
        Assert.Equal(RecordError.BadGeometry, FingerRecordReader.Read(RecordWriter.Iso2005(0, 400, 197, new TestView(Ten))).Rejection!.Error);

    [Fact]
    public void Reserved_minutia_type_is_rejected()
    {
        var minutiae = Ten.Prepend(new TestMinutia(3, 10, 10, 0)).ToList();

        Assert.Equal(
            RecordError.ReservedMinutiaType,
            FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView(minutiae))).Rejection!.Error);
    }

    [Fact]
    public void Reserved_bits_of_y_are_masked()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten));
        bytes[28 + 2] |= 0xC0;

        Assert.Equal(Ten[0].Y, FingerRecordReader.Read(bytes).Record!.Views[0].Minutiae[0].Y);
    }

    [Fact]
    public void Zero_views_are_rejected()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197);

        Assert.Equal(RecordError.NoViews, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Input_above_the_cap_is_rejected() =>
        Assert.Equal(RecordError.TooLarge, FingerRecordReader.Read(new byte[(16 * 1024) + 1]).Rejection!.Error);

    [Fact]
    public void Unknown_version_is_rejected()
    {
        var bytes = RecordWriter.Iso2005(300, 400, 197, new TestView(Ten));
        bytes[5] = (byte)'3';

        Assert.Equal(RecordError.UnknownFormat, FingerRecordReader.Read(bytes).Rejection!.Error);
    }
}
