using System.Numerics;
using System.Runtime.Intrinsics;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Ranks minutia pairs as seeds for a pairing, in two stages: the 256-bit neighbourhood sketches score all
/// n × m pairs without a branch, then the best few dozen are re-scored exactly by counting compatible
/// edges between their nearest neighbours. The exact stage matters: ranking by sketches alone was measured
/// to miss the true seed far more often (EER 5.6 % against 2.9 % with six seeds).
/// </summary>
internal static class RootFinder
{
    private const int PairBits = 16;
    private const int SketchBits = 6;

    /// <summary>Writes the seeds as pair indices (i * m + k) into <paramref name="roots"/> and returns their count.</summary>
    public static int Find(FingerprintTemplate a, FingerprintTemplate b, int angleTolerance, ushort[] similarity, int[] candidates, int[] roots)
    {
        var cells = similarity.AsSpan(0, a.MinutiaCount * b.MinutiaCount);
        Span<int> counts = stackalloc int[4 * (LocalDescriptors.MaxScore + 1)];
        LocalDescriptors.Similarities(a.Descriptors, b.Descriptors, cells, counts);
        var count = TopK(cells, counts, candidates);
        var m = b.MinutiaCount;
        for (var c = 0; c < count; c++)
        {
            var pair = candidates[c] & ((1 << PairBits) - 1);
            var sketch = Math.Min((candidates[c] >> PairBits) & ((1 << SketchBits) - 1), (1 << SketchBits) - 1);
            var exact = CompatibleEdges(a, pair / m, b, pair % m, angleTolerance);
            candidates[c] = (exact << (PairBits + SketchBits)) | (sketch << PairBits) | pair;
        }

        var ranked = candidates.AsSpan(0, count);
        InsertionSort(ranked);
        var take = 0;
        for (var r = count - 1; r >= 0 && take < roots.Length; r--)
        {
            // A seed whose nearest neighbours agree on fewer edges than this rarely grows into anything.
            if (ranked[r] >> (PairBits + SketchBits) < MatcherParameters.MinSeedEdges)
            {
                break;
            }

            roots[take++] = ranked[r] & ((1 << PairBits) - 1);
        }

        return take;
    }

    /// <summary>
    /// The highest cells as (score &lt;&lt; 16 | index), ties going to the lower index. The histogram gives the
    /// cut-off score, then a vector scan picks out the few cells at or above it.
    /// </summary>
    private static int TopK(Span<ushort> cells, ReadOnlySpan<int> counts, int[] best)
    {
        const int Buckets = LocalDescriptors.MaxScore + 1;
        Span<int> histogram = stackalloc int[Buckets];
        for (var score = 0; score < Buckets; score++)
        {
            histogram[score] = counts[score] + counts[Buckets + score] + counts[(2 * Buckets) + score] + counts[(3 * Buckets) + score];
        }

        // The cut-off: the lowest score such that the cells scoring above it still fit.
        int cutoff = LocalDescriptors.MaxScore, above = 0;
        while (cutoff > 1 && above + histogram[cutoff] < best.Length)
        {
            above += histogram[cutoff];
            cutoff--;
        }

        int count = 0, tiesLeft = best.Length - above, index = 0;
        var threshold = Vector256.Create((ushort)cutoff);
        for (; index + Vector256<ushort>.Count <= cells.Length; index += Vector256<ushort>.Count)
        {
            var mask = Vector256.GreaterThanOrEqual(Vector256.Create<ushort>(cells.Slice(index, Vector256<ushort>.Count)), threshold)
                .ExtractMostSignificantBits();
            while (mask != 0)
            {
                var at = index + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                Take(cells, at, cutoff, best, ref count, ref tiesLeft);
            }
        }

        for (; index < cells.Length; index++)
        {
            if (cells[index] >= cutoff)
            {
                Take(cells, index, cutoff, best, ref count, ref tiesLeft);
            }
        }

        return count;
    }

    private static void Take(Span<ushort> cells, int index, int cutoff, int[] best, ref int count, ref int tiesLeft)
    {
        var score = Math.Min((int)cells[index], LocalDescriptors.MaxScore);
        if (score > cutoff || tiesLeft-- > 0)
        {
            best[count++] = (score << PairBits) | index;
        }
    }

    /// <summary>Fewer than 40 values: insertion sort beats the general-purpose introsort here.</summary>
    private static void InsertionSort(Span<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }
    }

    private static int CompatibleEdges(FingerprintTemplate a, int i, FingerprintTemplate b, int k, int angleTolerance)
    {
        var perMinutia = MatcherParameters.RootNeighborCount;
        var edgesA = a.Edges.AsSpan(a.EdgeStart[i], Math.Min(a.EdgeStart[i + 1] - a.EdgeStart[i], perMinutia));
        var edgesB = b.Edges.AsSpan(b.EdgeStart[k], Math.Min(b.EdgeStart[k + 1] - b.EdgeStart[k], perMinutia));
        var count = 0;
        foreach (ref readonly var edgeA in edgesA)
        {
            foreach (ref readonly var edgeB in edgesB)
            {
                count += EdgeCompatibility.Compatible(edgeA, edgeB, angleTolerance) ? 1 : 0;
            }
        }

        return count;
    }
}
