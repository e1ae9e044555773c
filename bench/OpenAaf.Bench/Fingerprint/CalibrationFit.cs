using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// Fits the score calibration: on the impostor raw scores, take the thresholds at FMR 10 %, 5 %, 2 %, 1 %,
/// 0.5 %, 0.2 %, 0.1 % and 0.05 % (each still backed by several impostors), and fit −10·log10(FMR) =
/// intercept + slope · raw by least squares. Fitting on some sets and checking on the others is the
/// cross-validation the doc reports.
/// </summary>
internal static class CalibrationFit
{
    private static readonly double[] TargetRates = [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005];

    public static (double Intercept, double Slope) Fit(IReadOnlyList<double> impostorRaw)
    {
        var sorted = impostorRaw.OrderDescending().ToArray();
        var points = TargetRates
            .Where(rate => rate * sorted.Length >= 5)
            .Select(rate => (X: sorted[(int)(rate * sorted.Length) - 1], Y: -10 * Math.Log10(rate)))
            .ToList();
        double meanX = points.Average(p => p.X), meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return (meanY - (slope * meanX), slope);
    }

    /// <summary>Raw scores of the impostor pairs of the given sets.</summary>
    public static List<double> ImpostorRawScores(IEnumerable<FingerprintSet> sets) =>
        [.. sets.SelectMany(set => FvcProtocol.Pairs(set))
            .Where(p => !p.Genuine)
            .Select(p => ScoreCalibration.RawScore(FingerprintMatcher.CompareRaw(p.A.Template, p.B.Template)))];

    public static void Report(List<FingerprintSet> sets)
    {
        var all = Fit(ImpostorRawScores(sets));
        Console.WriteLine($"calibration on all sets: intercept {all.Intercept:F4}, slope {all.Slope:F4}");
        if (sets.Count < 2)
        {
            return;
        }

        // Two-fold check: fit on one half of the sets, then read the FMR the fit gives at 20/30/40 on the other half.
        var half = sets.Count / 2;
        foreach (var (train, test) in new[] { (sets[..half], sets[half..]), (sets[half..], sets[..half]) })
        {
            var (intercept, slope) = Fit(ImpostorRawScores(train));
            var held = ImpostorRawScores(test);
            var rates = string.Join(", ", new[] { 20, 30, 40 }.Select(score =>
                $"{score}: {held.Count(r => intercept + (slope * r) >= score) / (double)held.Count:P3}"));
            Console.WriteLine($"fit on {string.Join('+', train.Select(s => s.Name))} (intercept {intercept:F3}, slope {slope:F3}); "
                + $"FMR on {string.Join('+', test.Select(s => s.Name))} at {rates} ({held.Count} impostors)");
        }
    }
}
