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
        LocalDescriptors.Similarities(a.Descriptors, b.Descriptors, cells);
        var count = TopK(cells, candidates);
        var m = b.MinutiaCount;
        for (var c = 0; c < count; c++)
        {
            var pair = candidates[c] & ((1 << PairBits) - 1);
            var sketch = Math.Min((candidates[c] >> PairBits) & ((1 << SketchBits) - 1), (1 << SketchBits) - 1);
            var exact = CompatibleEdges(a, pair / m, b, pair % m, angleTolerance);
            candidates[c] = (exact << (PairBits + SketchBits)) | (sketch << PairBits) | pair;
        }

        var ranked = candidates.AsSpan(0, count);
        ranked.Sort();
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

    /// <summary>The highest cells as (score &lt;&lt; 16 | index): a sequential scan, sorted insertion only for contenders.</summary>
    private static int TopK(Span<ushort> cells, int[] best)
    {
        int count = 0, floor = 0;
        for (var index = 0; index < cells.Length; index++)
        {
            int score = cells[index];
            if (score <= floor)
            {
                continue;
            }

            var packed = (Math.Min(score, (1 << SketchBits) - 1) << PairBits) | index;
            var at = Math.Min(count, best.Length - 1);
            while (at > 0 && best[at - 1] >> PairBits < score)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = packed;
            count = Math.Min(count + 1, best.Length);
            if (count == best.Length)
            {
                floor = best[count - 1] >> PairBits;
            }
        }

        return count;
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
