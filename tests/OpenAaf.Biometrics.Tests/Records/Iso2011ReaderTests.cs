using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Records;

public sealed class Iso2011ReaderTests
{
    private static readonly List<TestMinutia> Twelve = Synthetic.Finger(seed: 2, count: 12);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Written_record_round_trips(bool withQuality, bool certified)
    {
        var bytes = RecordWriter.Iso2011(300, 400, 394, withQuality, certified, new TestView(Twelve, Position: 3), new TestView(Twelve[..8]));

        var result = FingerRecordReader.Read(bytes);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(FingerRecordFormat.Iso2011, result.Record.Format);
        Assert.Equal(2, result.Record.Views.Count);
        Assert.Equal((3, 394), (result.Record.Views[0].FingerPosition, result.Record.Views[0].ResolutionX));
        Assert.Equal(Twelve[5].Angle * Math.PI / 128, result.Record.Views[0].Minutiae[5].Angle, precision: 9);
        Assert.Equal(withQuality ? Twelve[0].Quality : 0, result.Record.Views[0].Minutiae[0].Quality);
        Assert.Equal(8, result.Record.Views[1].Minutiae.Count);
    }

    [Fact]
    public void Wrong_total_length_is_rejected()
    {
        var bytes = RecordWriter.Iso2011(300, 400, 197, true, false, new TestView(Twelve));
        bytes[11]--;

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Wrong_representation_length_is_rejected(int delta)
    {
        var bytes = RecordWriter.Iso2011(300, 400, 197, true, false, new TestView(Twelve), new TestView(Twelve));
        bytes[15 + 3] = (byte)(bytes[15 + 3] + delta);

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Wrong_representation_count_is_rejected()
    {
        var bytes = RecordWriter.Iso2011(300, 400, 197, true, false, new TestView(Twelve));
        bytes[13] = 2;

        Assert.Equal(RecordError.LengthMismatch, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Minutia_field_length_other_than_5_or_6_is_rejected()
    {
        var bytes = RecordWriter.Iso2011(300, 400, 197, true, false, new TestView(Twelve));
        var at = 15 + 4 + 9 + 1 + 2 + 2 + 1 + 5 + 1 + 1 + 2 + 2 + 1 + 2 + 2;
        Assert.Equal(0x60, bytes[at]);
        bytes[at] = 0x70;

        Assert.Equal(RecordError.BadMinutiaFieldLength, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Truncation_at_every_byte_is_rejected()
    {
        var bytes = RecordWriter.Iso2011(300, 400, 197, false, true, new TestView(Twelve, Extended: [0, 1, 0, 5, 0]));
        Assert.True(FingerRecordReader.Read(bytes).IsValid);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(FingerRecordReader.Read(bytes.AsSpan(0, length)).IsValid, $"accepted {length} bytes");
        }
    }
}
