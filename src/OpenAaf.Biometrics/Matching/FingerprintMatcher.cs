namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Compares two prepared templates. The score is calibrated (docs/fingerprint-matcher.md): 40 ≈ a false
/// match rate of 0.01 %, and each 10 points is a factor of 10 in false match rate; a self-match scores in
/// the hundreds. Thread-safe: scratch memory is per thread.
/// </summary>
public static class FingerprintMatcher
{
    /// <summary>The default decision threshold (methods.md §11.2).</summary>
    public const double DefaultThreshold = 40;

    public static double Compare(FingerprintTemplate a, FingerprintTemplate b) => ScoreCalibration.Calibrate(CompareRaw(a, b));

    internal static PairingOutcome CompareRaw(FingerprintTemplate a, FingerprintTemplate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Note: the search is not symmetric in its two inputs, so put them in a fixed order; that makes
        // Compare(a, b) == Compare(b, a) exactly, whatever order the caller used. The template with more
        // minutiae leads: measured slightly better than the reverse (EER 2.6 % against 2.9 %).
        if (a.MinutiaCount < b.MinutiaCount || (a.MinutiaCount == b.MinutiaCount && a.Identity > b.Identity))
        {
            (a, b) = (b, a);
        }

        return MatchContext.ForCurrentThread().Pair(a, b);
    }
}
