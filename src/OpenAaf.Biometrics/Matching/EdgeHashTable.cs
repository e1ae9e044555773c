namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// A template's edges bucketed by quantised (length, Phi, Omega). Each edge is stored in every bucket its
/// tolerance box touches, so a probe edge needs to look in its own bucket only; that makes finding
/// candidate minutia pairs linear in the probe's edge count instead of quadratic.
/// </summary>
internal sealed class EdgeHashTable
{
    private const int AngleBits = 3; // 8 bins of 45°, twice the ±22.5° tolerance
    private const int AngleShift = 8 - AngleBits;
    private const int AngleBins = 1 << AngleBits;
    private static readonly int LengthBin = (2 * EdgeCompatibility.LengthTolerance(MatcherParameters.MaxEdgeLength)) + 2;
    private static readonly int LengthBins = (MatcherParameters.MaxEdgeLength / LengthBin) + 2;

    public static int BucketCount { get; } = LengthBins * AngleBins * AngleBins;

    private readonly ushort[] bucketStart;
    private readonly NeighborEdge[] entries;

    public EdgeHashTable(NeighborEdge[] edges)
    {
        var counts = new ushort[BucketCount + 1];
        Span<int> keys = stackalloc int[8];
        foreach (var edge in edges)
        {
            var count = KeysCovering(edge, keys);
            for (var i = 0; i < count; i++)
            {
                counts[keys[i] + 1]++;
            }
        }

        for (var b = 0; b < BucketCount; b++)
        {
            counts[b + 1] += counts[b];
        }

        bucketStart = counts;
        entries = new NeighborEdge[counts[BucketCount]];
        var fill = (ushort[])counts.Clone();
        foreach (var edge in edges)
        {
            var count = KeysCovering(edge, keys);
            for (var i = 0; i < count; i++)
            {
                entries[fill[keys[i]]++] = edge;
            }
        }
    }

    public static int KeyOf(in NeighborEdge edge) =>
        (((edge.Length / LengthBin) * AngleBins) + (edge.Phi >> AngleShift)) * AngleBins + (edge.Omega >> AngleShift);

    public ReadOnlySpan<NeighborEdge> Bucket(int key) => entries.AsSpan(bucketStart[key], bucketStart[key + 1] - bucketStart[key]);

    private static int KeysCovering(in NeighborEdge edge, Span<int> keys)
    {
        var tolerance = EdgeCompatibility.LengthTolerance(edge.Length);
        int lengthLow = Math.Max(0, edge.Length - tolerance) / LengthBin, lengthHigh = (edge.Length + tolerance) / LengthBin;
        int phiLow = (byte)(edge.Phi - MatcherParameters.AngleTolerance) >> AngleShift;
        int phiHigh = (byte)(edge.Phi + MatcherParameters.AngleTolerance) >> AngleShift;
        int omegaLow = (byte)(edge.Omega - MatcherParameters.AngleTolerance) >> AngleShift;
        int omegaHigh = (byte)(edge.Omega + MatcherParameters.AngleTolerance) >> AngleShift;
        var count = 0;
        for (var l = lengthLow; l <= lengthHigh; l++)
        {
            for (var p = 0; p < (phiLow == phiHigh ? 1 : 2); p++)
            {
                for (var o = 0; o < (omegaLow == omegaHigh ? 1 : 2); o++)
                {
                    keys[count++] = (((l * AngleBins) + (p == 0 ? phiLow : phiHigh)) * AngleBins) + (o == 0 ? omegaLow : omegaHigh);
                }
            }
        }

        return count;
    }
}
