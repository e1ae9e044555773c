using System.Runtime.CompilerServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>Whether two edges, one per template, can be the same pair of minutiae seen twice.</summary>
internal static class EdgeCompatibility
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LengthTolerance(int length) =>
        MatcherParameters.EdgeLengthTolerance + (length * MatcherParameters.EdgeLengthToleranceRelativePercent / 100);

    /// <summary>Returns a mismatch in [0, 3) (0 = identical) or -1 when any quantity is out of tolerance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mismatch(in NeighborEdge a, in NeighborEdge b)
    {
        var lengthError = Math.Abs(a.Length - b.Length);
        var lengthTolerance = LengthTolerance(Math.Max(a.Length, b.Length));
        if (lengthError > lengthTolerance)
        {
            return -1;
        }

        var phiError = Angles.Distance(a.Phi, b.Phi);
        var omegaError = Angles.Distance(a.Omega, b.Omega);
        if (phiError > MatcherParameters.AngleTolerance || omegaError > MatcherParameters.AngleTolerance)
        {
            return -1;
        }

        // Note: scaled to 1/1024 per quantity so the sum stays an integer and the comparison cheap.
        return (lengthError * 1024 / (lengthTolerance + 1))
            + (phiError * 1024 / (MatcherParameters.AngleTolerance + 1))
            + (omegaError * 1024 / (MatcherParameters.AngleTolerance + 1));
    }
}
