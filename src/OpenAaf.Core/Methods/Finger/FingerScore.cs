using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// The score of methods.md §11.2 step 3: the matcher's calibrated score (40 ≈ FMR 0.01 %), best over every
/// pair of views, reported as an integer. Every decision, at logon and at enrollment, uses the reported
/// integer, so that a reply never shows a score on the other side of the threshold from its status.
/// </summary>
internal static class FingerScore
{
    public const int Max = 999;

    /// <summary>Rounded half-up and clamped to 0–999 (methods.md §11.2 step 3).</summary>
    public static int ToWire(double score) =>
        double.IsNaN(score) ? 0 : (int)Math.Clamp(Math.Floor(score + 0.5), 0, Max);

    /// <summary>The best calibrated score of any view of <paramref name="a"/> against any view of <paramref name="b"/>.</summary>
    public static double Best(IReadOnlyList<FingerprintTemplate> a, IReadOnlyList<FingerprintTemplate> b)
    {
        var best = 0.0;
        foreach (var x in a)
            foreach (var y in b)
                best = Math.Max(best, FingerprintMatcher.Compare(x, y));
        return best;
    }

    /// <summary>True when some view pair reaches <paramref name="threshold"/>; stops at the first that does.</summary>
    public static bool Matches(IReadOnlyList<FingerprintTemplate> a, IReadOnlyList<FingerprintTemplate> b, int threshold)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (ToWire(FingerprintMatcher.Compare(x, y)) >= threshold) return true;
        return false;
    }
}
