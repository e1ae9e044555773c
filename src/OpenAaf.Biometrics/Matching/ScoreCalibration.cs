namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Maps a pairing onto the calibrated scale: score = −10·log10(FMR). The raw score is the number of edges
/// both templates agree on, divided by √(n·m) so that templates with many minutiae (and so many chance
/// agreements) do not score higher for that alone. On the FVC2002 impostor comparisons −10·log10(FMR) is
/// close to linear in that raw score over FMR 10 %…0.05 %, so the map is a line fitted there by least
/// squares (<c>bench … fingerprint DIR --calibrate</c>; docs/fingerprint-matcher.md). Beyond the data the
/// line extrapolates the exponential tail.
/// </summary>
internal static class ScoreCalibration
{
    // Fitted on the 11,520 impostor comparisons of FVC2002 DB1–DB4 B (see the doc for the per-DB check).
    public const double Intercept = -5.170;
    public const double Slope = 37.391;

    public static double RawScore(PairingOutcome outcome) =>
        outcome.ProbeCount == 0 || outcome.CandidateCount == 0
            ? 0
            : outcome.SupportingEdges / Math.Sqrt(outcome.ProbeCount * (double)outcome.CandidateCount);

    public static double Calibrate(PairingOutcome outcome) => Math.Max(0, Intercept + (Slope * RawScore(outcome)));
}
