namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// The matcher's few parameters, stated physically: lengths in millimetres, converted once to pixels at
/// the normalised 500 dpi (19.685 px/mm); angles in 360/256-degree units. They were chosen from ridge
/// geometry (inter-ridge distance ≈ 0.5 mm) and extractor behaviour (angles quantised to 11.25°), then
/// checked by cross-validation across FVC2002 databases (docs/fingerprint-matcher.md).
/// </summary>
internal static class MatcherParameters
{
    public const double PixelsPerMm = 500 / 25.4;

    /// <summary>All templates are rescaled to this resolution so that captures from different sensors compare.</summary>
    public const double NormalizedPixelsPerCm = 500 / 2.54;

    /// <summary>Each minutia is linked to this many nearest neighbours: enough to survive a few missing ones.</summary>
    public static readonly int NeighborCount = Env("NN", 9);

    /// <summary>Neighbours farther than this are not linked: skin distortion makes long edges unreliable.</summary>
    public static readonly int MaxEdgeLength = Mm(6.0);

    /// <summary>Edge length tolerance: about one ridge period of position error summed over both ends...</summary>
    public static readonly int EdgeLengthTolerance = Mm(Env("LTOL", 50) / 100.0);

    /// <summary>...plus this fraction of the length, for elastic distortion that grows with distance.</summary>
    public static readonly int EdgeLengthToleranceRelativePercent = Env("LREL", 8);

    /// <summary>Angle tolerance, ±22.5°: twice the 11.25° quantisation some extractors apply.</summary>
    public static readonly int AngleTolerance = Env("ATOL", 10);

    /// <summary>
    /// Every pair must agree with the seed pair's rotation within this (±33.75°): local edge checks alone
    /// let a pairing drift around an impostor, a little at each step.
    /// </summary>
    public static readonly int RotationTolerance = Env("RTOL", 24);

    /// <summary>Position agreement with the seed, after rotating about it: this much plus PositionToleranceRelativePercent of the distance.</summary>
    public static readonly int PositionTolerance = Mm(Env("PTOL", 100) / 100.0);

    public static readonly int PositionToleranceRelativePercent = Env("PREL", 20);

    /// <summary>At most this many minutia pairs seed a pairing; more costs time and admits lucky impostors.</summary>
    public static readonly int MaxRoots = Env("ROOTS", 6);

    public static readonly int MinSeedEdges = Env("MINV", 1);

    /// <summary>Pairs ranked by neighbourhood sketch that are re-ranked exactly (RootFinder).</summary>
    public static readonly int RootCandidates = Env("CAND", 24);

    /// <summary>Candidate pairs are found from the edges to this many nearest neighbours: the most stable ones.</summary>
    public static readonly int RootNeighborCount = Env("RNN", 4);

    private static int Env(string name, int value) => int.TryParse(Environment.GetEnvironmentVariable("FP_" + name), out var v) ? v : value;

    public static int Mm(double millimetres) => (int)Math.Round(millimetres * PixelsPerMm);
}
