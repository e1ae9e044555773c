using System.Runtime.CompilerServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>Whether two edges, one per template, can be the same pair of minutiae seen twice.</summary>
internal static class EdgeCompatibility
{
    private static readonly int RelativePer1024 = (MatcherParameters.EdgeLengthToleranceRelativePercent * 1024) / 100;

    /// <summary>Computed once per edge at preparation; the longer edge of a pair sets the tolerance.</summary>
    public static int LengthTolerance(int length) =>
        Math.Min(255, MatcherParameters.EdgeLengthTolerance + ((length * RelativePer1024) >> 10));

    /// <summary>The angle tolerance is per comparison: it widens for templates with coarsely quantised directions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Compatible(in NeighborEdge a, in NeighborEdge b, int angleTolerance)
    {
        var lengthError = a.Length - b.Length;
        var tolerance = Math.Max(a.LengthTolerance, b.LengthTolerance);
        // Note: non-short-circuit '&' keeps this branch-free; the three tests are cheap, mispredictions are not.
        return ((uint)(lengthError + tolerance) <= (uint)(2 * tolerance))
            & ((uint)((sbyte)(byte)(a.Phi - b.Phi) + angleTolerance) <= (uint)(2 * angleTolerance))
            & ((uint)((sbyte)(byte)(a.Omega - b.Omega) + angleTolerance) <= (uint)(2 * angleTolerance));
    }

    /// <summary>
    /// For choosing among compatible edges: the errors summed with one pixel of length (0.05 mm) weighted
    /// like 1.6 angle units (2.25°), the ratio of the two tolerances, so both count alike. No division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mismatch(in NeighborEdge a, in NeighborEdge b) =>
        (Math.Abs(a.Length - b.Length) * 8) + ((Angles.Distance(a.Phi, b.Phi) + Angles.Distance(a.Omega, b.Omega)) * 5);
}
