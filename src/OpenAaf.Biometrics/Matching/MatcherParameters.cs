namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// The matcher's parameters, stated physically: lengths in millimetres, converted once to pixels at the
/// normalised 500 dpi (19.685 px/mm); angles in 360/256-degree units. They come from ridge geometry
/// (ridge period ≈ 0.5 mm) and extractor behaviour (directions quantised to 11.25° by NBIS-like
/// extractors), and were then checked by cross-validation across FVC2002 databases, where the
/// neighbourhood of these values is flat (docs/fingerprint-matcher.md).
/// </summary>
internal static class MatcherParameters
{
    public const double PixelsPerMm = 500 / 25.4;

    /// <summary>All templates are rescaled to this resolution so that captures from different sensors compare.</summary>
    public const double NormalizedPixelsPerCm = 500 / 2.54;

    /// <summary>Each minutia is linked to this many nearest neighbours: enough to survive a few missing ones.</summary>
    public const int NeighborCount = 9;

    /// <summary>Neighbours farther than this are not linked: skin distortion makes long edges unreliable.</summary>
    public static readonly int MaxEdgeLength = Mm(6.0);

    /// <summary>Edge length tolerance: the position error of both ends (about ±0.15 mm each, 3 px)...</summary>
    public static readonly int EdgeLengthTolerance = Mm(0.35);

    /// <summary>...plus this fraction of the length, for elastic distortion that grows with distance.</summary>
    public const int EdgeLengthToleranceRelativePercent = 8;

    /// <summary>Angle tolerance, ±14°: above the 11.25° quantisation some extractors apply.</summary>
    public const int AngleTolerance = 10;

    /// <summary>
    /// Every pair must agree with the seed pair's rotation within this (±33.75°): local edge checks alone
    /// let a pairing drift around an impostor, a little at each step.
    /// </summary>
    public const int RotationTolerance = 24;

    /// <summary>Position agreement with the seed, after rotating about it: this much plus PositionToleranceRelativePercent of the distance.</summary>
    public static readonly int PositionTolerance = Mm(1.0);

    public const int PositionToleranceRelativePercent = 20;

    /// <summary>Seeds come from the edges to this many nearest neighbours: the shortest, most stable ones.</summary>
    public const int RootNeighborCount = 4;

    /// <summary>
    /// The sketch cells are already 45° wide, so the sketch smears angles by only ±5.6° (half an 11.25°
    /// quantisation step): smearing by the full tolerance was measured to rank true seeds lower.
    /// </summary>
    public const int SketchAngleSmear = 4;

    /// <summary>Pairs ranked by neighbourhood sketch that are then re-ranked exactly (RootFinder).</summary>
    public const int RootCandidates = 32;

    /// <summary>A seed needs at least this many agreeing edges among its nearest neighbours; one is chance.</summary>
    public const int MinSeedEdges = 2;

    /// <summary>At most this many seeds grow a pairing; more costs time and admits lucky impostors.</summary>
    public const int MaxRoots = 6;

    public static int Mm(double millimetres) => (int)Math.Round(millimetres * PixelsPerMm);
}
