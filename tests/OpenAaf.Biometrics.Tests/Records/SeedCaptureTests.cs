using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Records;

/// <summary>The seed capture (test-vectors.md §5) and the negative variants the spec lists for it.</summary>
public sealed class SeedCaptureTests
{
    [Fact]
    public void Seed_parses_as_iso_2005_with_the_documented_fields()
    {
        var bytes = SeedCapture.Bytes();
        Assert.Equal(300, bytes.Length);

        var result = FingerRecordReader.Read(bytes);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(FingerRecordFormat.Iso2005, result.Record.Format);
        Assert.Equal(300, result.Record.RecordLength);
        var view = Assert.Single(result.Record.Views);
        Assert.Equal((0, 0, 3, 90), (view.FingerPosition, view.ViewNumber, view.ImpressionType, view.FingerQuality));
        Assert.Equal((256, 180, 197, 197), (view.Width, view.Height, view.ResolutionX, view.ResolutionY));
        Assert.Equal(45, view.Minutiae.Count);
        Assert.All(view.Minutiae, m => Assert.Equal(MinutiaKind.Other, m.Kind));
        Assert.Equal(new Minutia(MinutiaKind.Other, 15, 75, 47 * Math.PI / 128, 99), view.Minutiae[0]);
        Assert.Equal((97, 99, 50), (view.Minutiae[21].X, view.Minutiae[21].Y, view.Minutiae[21].Quality));
        Assert.Equal(257.34, view.Minutiae[44].Angle * 180 / Math.PI, precision: 2);
    }

    [Fact]
    public void Seed_truncated_to_299_bytes_is_rejected_as_truncated()
    {
        var result = FingerRecordReader.Read(SeedCapture.Bytes()[..299]);

        Assert.False(result.IsValid);
        Assert.Equal(RecordError.Truncated, result.Rejection.Error);
        Assert.Equal("record length 300 exceeds data length 299", result.Rejection.Detail);
    }

    [Fact]
    public void Seed_with_record_length_301_is_rejected()
    {
        var bytes = SeedCapture.Bytes();
        bytes[11] = 45; // 301

        Assert.Equal(RecordError.Truncated, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Seed_with_a_changed_magic_is_rejected()
    {
        var bytes = SeedCapture.Bytes();
        bytes[0] = 0;

        Assert.Equal(RecordError.UnknownFormat, FingerRecordReader.Read(bytes).Rejection!.Error);
    }

    [Fact]
    public void Seed_claiming_46_minutiae_without_the_data_is_rejected()
    {
        var bytes = SeedCapture.Bytes();
        bytes[27] = 46;

        var rejection = FingerRecordReader.Read(bytes).Rejection;

        Assert.Equal(RecordError.LengthMismatch, rejection!.Error);
        Assert.Contains("46 minutiae", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_truncated_at_every_byte_is_rejected_without_an_exception()
    {
        var bytes = SeedCapture.Bytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = FingerRecordReader.Read(bytes.AsSpan(0, length));

            Assert.False(result.IsValid, $"accepted {length} bytes");
            Assert.Equal(RecordError.Truncated, result.Rejection.Error);
        }
    }

    [Fact]
    public void Trailing_padding_after_the_record_is_ignored()
    {
        var padded = SeedCapture.Bytes().Concat(new byte[84]).ToArray();

        Assert.True(FingerRecordReader.Read(padded).IsValid);
    }

    [Fact]
    public void Every_single_byte_corruption_is_either_accepted_or_rejected_with_a_reason()
    {
        var original = SeedCapture.Bytes();
        var random = new Random(7);
        for (var at = 0; at < original.Length; at++)
        {
            var bytes = (byte[])original.Clone();
            bytes[at] ^= (byte)random.Next(1, 256);

            var result = FingerRecordReader.Read(bytes);

            Assert.True(result.IsValid || result.Rejection.Detail.Length > 0);
        }
    }
}
