using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;
using Xunit;

namespace OpenAaf.Testing.Fingerprints;

/// <summary>Synthetic fingers: random minutiae with a plausible spacing, and rigid transforms of them.</summary>
public static class Synthetic
{
    /// <summary>Minutiae spread over a w × h px area at least 12 px (0.6 mm) apart, as extractors report them.</summary>
    public static List<TestMinutia> Finger(int seed, int count, int width = 300, int height = 400)
    {
        var random = new Random(seed);
        var minutiae = new List<TestMinutia>();
        while (minutiae.Count < count)
        {
            int x = random.Next(20, width - 20), y = random.Next(20, height - 20);
            if (minutiae.All(m => ((m.X - x) * (m.X - x)) + ((m.Y - y) * (m.Y - y)) >= 144))
            {
                minutiae.Add(new TestMinutia(random.Next(1, 3), x, y, random.Next(256)));
            }
        }

        return minutiae;
    }

    /// <summary>Rotates by <paramref name="degrees"/> (counter-clockwise on screen) about the centre and shifts.</summary>
    public static List<TestMinutia> Transform(IEnumerable<TestMinutia> minutiae, double degrees, int dx, int dy, int cx = 150, int cy = 200)
    {
        var radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        return [.. minutiae.Select(m =>
        {
            // Note: y points down in records, so a counter-clockwise turn on screen is y' = -(sin·x) + cos·y.
            double x = m.X - cx, y = m.Y - cy;
            var nx = (int)Math.Round((cos * x) + (sin * y) + cx + dx);
            var ny = (int)Math.Round((-sin * x) + (cos * y) + cy + dy);
            return m with { X = nx, Y = ny, Angle = (int)((m.Angle + Math.Round(degrees / 1.40625)) % 256 + 256) % 256 };
        })];
    }

    /// <summary>Writes and reads an ISO record; minutiae are moved by a margin so that transformed ones stay in the image.</summary>
    public static FingerprintTemplate Template(IReadOnlyList<TestMinutia> minutiae, int width = 1200, int height = 1200, int resolution = 197)
    {
        var margin = width / 4;
        var placed = minutiae.Select(m => m with { X = m.X + margin, Y = m.Y + margin }).ToList();
        var result = FingerRecordReader.Read(RecordWriter.Iso2005(width, height, resolution, new TestView(placed)));
        Assert.True(result.IsValid, result.ToString());
        return FingerprintTemplate.FromView(result.Record.Views[0]);
    }
}
