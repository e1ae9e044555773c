using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// A 256-bit, rotation- and translation-invariant sketch of each minutia's nearest neighbours: one bit per
/// (edge length, Phi, Omega) cell of 4 × 8 × 8. The "exact" sketch sets each edge's own cell; the "smeared"
/// sketch also sets the cells within the edge length tolerance and a small angle smear (the 45° cells
/// already act as an angle tolerance). popcount(exact(a) &amp; smeared(b)) then counts the
/// neighbours of a that b can explain, without a branch: that is how candidate pairs (roots) are ranked
/// over all n × m minutia pairs in a few microseconds.
/// </summary>
internal sealed class LocalDescriptors
{
    public const int Words = 4;
    private const int AngleShift = 5; // 8 cells of 45°
    private const int AngleCells = 256 >> AngleShift;
    private const int LengthCells = 4;
    private static readonly int LengthCell = (MatcherParameters.MaxEdgeLength / LengthCells) + 1;

    public LocalDescriptors(NeighborEdge[] edges, ushort[] edgeStart, int perMinutia, int angleTolerance)
    {
        var n = edgeStart.Length - 1;
        Exact = new ulong[n * Words];
        Smeared = new ulong[n * Words];
        for (var i = 0; i < n; i++)
        {
            for (int e = edgeStart[i], end = Math.Min(edgeStart[i + 1], edgeStart[i] + perMinutia); e < end; e++)
            {
                var edge = edges[e];
                Set(Exact, i, Bit(edge.Length / LengthCell, edge.Phi >> AngleShift, edge.Omega >> AngleShift));
                int lengthLow = Math.Max(0, edge.Length - edge.LengthTolerance) / LengthCell;
                int lengthHigh = Math.Min(LengthCells - 1, (edge.Length + edge.LengthTolerance) / LengthCell);
                for (var l = lengthLow; l <= lengthHigh; l++)
                {
                    for (var p = (edge.Phi - angleTolerance) >> AngleShift; p <= (edge.Phi + angleTolerance) >> AngleShift; p++)
                    {
                        for (var o = (edge.Omega - angleTolerance) >> AngleShift; o <= (edge.Omega + angleTolerance) >> AngleShift; o++)
                        {
                            Set(Smeared, i, Bit(l, p & (AngleCells - 1), o & (AngleCells - 1)));
                        }
                    }
                }
            }
        }
    }

    public ulong[] Exact { get; }

    public ulong[] Smeared { get; }

    /// <summary>Scores are clamped to this in the histogram; the exact sketch of a minutia has at most 4 bits anyway.</summary>
    public const int MaxScore = 63;

    /// <summary>
    /// Fills similarity[i * m + k] for every pair (branch-free, four popcounts per pair) and counts the
    /// scores into <paramref name="counts"/>: four interleaved histograms of MaxScore + 1 buckets, because
    /// consecutive increments of one counter would otherwise wait on each other through memory.
    /// </summary>
    public static void Similarities(LocalDescriptors a, LocalDescriptors b, Span<ushort> similarity, Span<int> counts)
    {
        var exact = a.Exact;
        int n = exact.Length / Words, m = b.Smeared.Length / Words;
        if (similarity.Length < n * m || counts.Length < 4 * (MaxScore + 1))
        {
            throw new ArgumentException("scratch buffers too small");
        }

        // Note: the hot loop of seed finding; references instead of indexing drop the bounds checks.
        ref var output = ref MemoryMarshal.GetReference(similarity);
        ref var histogram = ref MemoryMarshal.GetReference(counts);
        ref var smearedStart = ref MemoryMarshal.GetArrayDataReference(b.Smeared);
        for (var i = 0; i < n; i++)
        {
            ulong a0 = exact[i * Words], a1 = exact[(i * Words) + 1], a2 = exact[(i * Words) + 2], a3 = exact[(i * Words) + 3];
            ref var smeared = ref smearedStart;
            for (var k = 0; k < m; k++)
            {
                var score = BitOperations.PopCount(a0 & smeared) + BitOperations.PopCount(a1 & Unsafe.Add(ref smeared, 1))
                    + BitOperations.PopCount(a2 & Unsafe.Add(ref smeared, 2)) + BitOperations.PopCount(a3 & Unsafe.Add(ref smeared, 3));
                output = (ushort)score;
                Unsafe.Add(ref histogram, ((k & 3) * (MaxScore + 1)) + Math.Min(score, MaxScore))++;
                output = ref Unsafe.Add(ref output, 1);
                smeared = ref Unsafe.Add(ref smeared, Words);
            }
        }
    }

    private static int Bit(int length, int phi, int omega) => (((length * 8) + phi) * 8) + omega;

    private static void Set(ulong[] words, int minutia, int bit) => words[(minutia * Words) + (bit >> 6)] |= 1UL << (bit & 63);
}
