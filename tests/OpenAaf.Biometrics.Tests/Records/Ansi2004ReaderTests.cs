using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Records;

public sealed class Ansi2004ReaderTests
{
    private static readonly List<TestMinutia> Ten = [.. Synthetic.Finger(seed: 3, count: 10).Select(m => m with { Angle = m.Angle % 180 })];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ansi_record_is_told_apart_from_iso_and_read_with_2_degree_angles(bool longLength)
    {
        var bytes = RecordWriter.Ansi2004(300, 400, 197, longLength, new TestView(Ten));

        var result = FingerRecordReader.Read(bytes);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(FingerRecordFormat.Ansi2004, result.Record.Format);
        Assert.Equal(bytes.Length, result.Record.RecordLength);
        Assert.Equal(Ten[4].Angle * 2.0, result.Record.Views[0].Minutiae[4].Angle * 180 / Math.PI, precision: 9);
    }

    [Fact]
    public void Same_minutiae_read_from_iso_and_ansi_have_the_same_geometry()
    {
        var iso = FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView(Ten))).Record!;
        var ansi = FingerRecordReader.Read(RecordWriter.Ansi2004(300, 400, 197, false, new TestView(Ten))).Record!;

        Assert.Equal(iso.Views[0].Minutiae.Select(m => (m.X, m.Y)), ansi.Views[0].Minutiae.Select(m => (m.X, m.Y)));
    }

    [Fact]
    public void Angle_above_179_is_rejected()
    {
        var minutiae = Ten.Append(new TestMinutia(1, 10, 10, 180)).ToList();

        var rejection = FingerRecordReader.Read(RecordWriter.Ansi2004(300, 400, 197, false, new TestView(minutiae))).Rejection!;

        Assert.Equal(RecordError.AngleOutOfRange, rejection.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Wrong_record_length_is_rejected(int delta)
    {
        var bytes = RecordWriter.Ansi2004(300, 400, 197, false, new TestView(Ten));
        bytes[9] = (byte)(bytes[9] + delta);

        Assert.False(FingerRecordReader.Read(bytes).IsValid);
    }

    [Fact]
    public void Truncation_at_every_byte_is_rejected()
    {
        var bytes = RecordWriter.Ansi2004(300, 400, 197, false, new TestView(Ten, Extended: [0, 1, 0, 5, 0]));
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(FingerRecordReader.Read(bytes.AsSpan(0, length)).IsValid, $"accepted {length} bytes");
        }
    }
}
