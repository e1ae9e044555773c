using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Matching;

/// <summary>Properties the matcher must have whatever data it sees; synthetic fingers only, so they always run.</summary>
public sealed class MatcherPropertyTests
{
    private const double Threshold = FingerprintMatcher.DefaultThreshold;
    private static readonly List<TestMinutia> Finger = Synthetic.Finger(seed: 11, count: 40);

    public static TheoryData<int> Angles => [0, 15, 30, 45, 60, 90, 120, 150, 180];

    [Fact]
    public void Seed_capture_against_itself_scores_in_the_hundreds()
    {
        var template = FingerprintTemplate.FromView(FingerRecordReader.Read(SeedCapture.Bytes()).Record!.Views[0]);

        Assert.InRange(FingerprintMatcher.Compare(template, template), 100, 1000);
    }

    [Theory]
    [MemberData(nameof(Angles))]
    public void Rotated_and_shifted_copy_scores_far_above_the_threshold(int degrees)
    {
        var original = Synthetic.Template(Finger);
        var moved = Synthetic.Template(Synthetic.Transform(Finger, degrees, dx: 250, dy: 180));

        Assert.True(FingerprintMatcher.Compare(original, moved) > 3 * Threshold, $"{degrees}°");
    }

    [Theory]
    [InlineData(20, 0.3, 0.1)]
    [InlineData(100, 0.2, 0.2)]
    public void Partial_copy_with_missing_and_spurious_minutiae_still_matches(int degrees, double dropped, double spurious)
    {
        var random = new Random(5);
        var kept = Finger.Where(_ => random.NextDouble() >= dropped).ToList();
        var noise = Synthetic.Finger(seed: 99, count: (int)(Finger.Count * spurious));
        var jittered = kept.Concat(noise)
            .Select(m => m with { X = m.X + random.Next(-3, 4), Y = m.Y + random.Next(-3, 4), Angle = (m.Angle + random.Next(-4, 5) + 256) % 256 })
            .ToList();

        var score = FingerprintMatcher.Compare(Synthetic.Template(Finger), Synthetic.Template(Synthetic.Transform(jittered, degrees, 100, 50)));

        Assert.True(score > Threshold, $"score {score}");
    }

    [Fact]
    public void Small_capture_window_matches_the_full_print()
    {
        // Like the seed's 256 × 180 px sensor: only the minutiae under a small window, turned and moved.
        var window = Finger.Where(m => m.X is >= 40 and < 296 && m.Y is >= 100 and < 280).ToList();
        Assert.InRange(window.Count, 10, 30);

        var score = FingerprintMatcher.Compare(Synthetic.Template(Finger), Synthetic.Template(Synthetic.Transform(window, -25, -30, 20)));

        Assert.True(score > Threshold, $"score {score} with {window.Count} minutiae");
    }

    [Fact]
    public void Different_fingers_score_below_the_threshold()
    {
        var templates = Enumerable.Range(100, 12).Select(seed => Synthetic.Template(Synthetic.Finger(seed, 35))).ToList();
        for (var i = 0; i < templates.Count; i++)
        {
            for (var j = i + 1; j < templates.Count; j++)
            {
                Assert.True(FingerprintMatcher.Compare(templates[i], templates[j]) < Threshold, $"{i} vs {j}");
            }
        }
    }

    [Fact]
    public void Score_is_symmetric()
    {
        var a = Synthetic.Template(Finger);
        var b = Synthetic.Template(Synthetic.Transform(Finger.Skip(5).ToList(), 33, 40, 60));
        var c = Synthetic.Template(Synthetic.Finger(seed: 12, count: 40));

        Assert.Equal(FingerprintMatcher.Compare(a, b), FingerprintMatcher.Compare(b, a), precision: 9);
        Assert.Equal(FingerprintMatcher.Compare(a, c), FingerprintMatcher.Compare(c, a), precision: 9);
    }

    [Fact]
    public void Captures_at_different_resolutions_compare_after_normalisation()
    {
        // The same finger seen by a 1000 dpi sensor: coordinates double, the header says 394 px/cm.
        var doubled = Finger.Select(m => m with { X = m.X * 2, Y = m.Y * 2 }).ToList();
        var at500 = Synthetic.Template(Finger);
        var at1000 = Synthetic.Template(doubled, width: 2400, height: 2400, resolution: 394);

        Assert.True(FingerprintMatcher.Compare(at500, at1000) > 3 * Threshold);
    }

    [Fact]
    public void Score_is_zero_or_more_and_finite_for_tiny_templates()
    {
        var one = Synthetic.Finger(seed: 3, count: 6);
        var score = FingerprintMatcher.Compare(Synthetic.Template(one), Synthetic.Template(one));

        Assert.True(double.IsFinite(score) && score >= 0);
    }
}
