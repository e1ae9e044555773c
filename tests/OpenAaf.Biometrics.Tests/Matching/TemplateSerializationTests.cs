using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Matching;

public sealed class TemplateSerializationTests
{
    [Fact]
    public void Prepared_template_with_255_minutiae_serialises_under_4_KiB()
    {
        var many = Enumerable.Range(0, 255).Select(i => new TestMinutia(1, 5 + (i % 16 * 18), 5 + (i / 16 * 24), i)).ToList();
        var view = FingerRecordReader.Read(RecordWriter.Iso2005(300, 400, 197, new TestView(many))).Record!.Views[0];

        var bytes = FingerprintTemplate.FromView(view).ToBytes();

        Assert.True(bytes.Length < 4096, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Round_trip_gives_the_same_scores()
    {
        var a = Synthetic.Template(Synthetic.Finger(seed: 21, count: 45));
        var b = Synthetic.Template(Synthetic.Transform(Synthetic.Finger(seed: 21, count: 45), 40, 10, 10));

        var restored = FingerprintTemplate.FromBytes(a.ToBytes())!;

        Assert.Equal(a.ToBytes(), restored.ToBytes());
        Assert.Equal(FingerprintMatcher.Compare(a, b), FingerprintMatcher.Compare(restored, b));
    }

    [Fact]
    public void Seed_capture_prepares_to_a_small_form()
    {
        var view = FingerRecordReader.Read(SeedCapture.Bytes()).Record!.Views[0];

        Assert.Equal(3 + (45 * 5), FingerprintTemplate.FromView(view).ToBytes().Length);
    }

    [Fact]
    public void Extreme_coordinates_from_bytes_do_not_break_matching()
    {
        byte[] bytes = [1, 0, 6, 0x80, 0, 0x80, 0, 0, 0x7F, 0xFF, 0x7F, 0xFF, 9, 0x80, 0, 0x7F, 0xFF, 200, 0, 0, 0, 0, 1, 0, 5, 0, 5, 2, 0, 9, 0, 3, 3];
        var template = FingerprintTemplate.FromBytes(bytes)!;

        Assert.True(double.IsFinite(FingerprintMatcher.Compare(template, template)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 2, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 1, 0 })]
    public void Malformed_bytes_are_refused(byte[] bytes) => Assert.Null(FingerprintTemplate.FromBytes(bytes));
}
