namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Scratch memory and the two stages of a comparison: (1) candidate minutia pairs ("roots") found by
/// looking up every probe edge in the candidate's edge hash table and voting for the source minutiae;
/// (2) from each of the best roots, a pairing grown along neighbour edges, breadth first, accepting for
/// each edge the best compatible edge of the other template. Growing along local edges instead of one
/// global transform tolerates skin distortion; checking every step against both templates keeps it honest.
/// </summary>
internal sealed class MatchContext
{
    private const int Max = FingerprintTemplate.MaxMinutiae;

    [ThreadStatic]
    private static MatchContext? perThread;

    private readonly ushort[] votes = new ushort[Max * Max];
    private readonly int[] voted = new int[Max * Max];
    private readonly int[] roots = new int[MatcherParameters.MaxRoots];
    private readonly short[] mapA = new short[Max];
    private readonly short[] mapB = new short[Max];
    private readonly int[] queue = new int[Max];

    public static MatchContext ForCurrentThread() => perThread ??= new MatchContext();

    public PairingOutcome Pair(FingerprintTemplate a, FingerprintTemplate b)
    {
        int n = a.MinutiaCount, m = b.MinutiaCount;
        if (n == 0 || m == 0)
        {
            return PairingOutcome.None(n, m);
        }

        var rootCount = FindRoots(a, b);
        var best = PairingOutcome.None(n, m);
        for (var r = 0; r < rootCount; r++)
        {
            var outcome = Grow(a, b, roots[r] / m, roots[r] % m);
            if (outcome.SupportingEdges > best.SupportingEdges
                || (outcome.SupportingEdges == best.SupportingEdges && outcome.Pairs > best.Pairs))
            {
                best = outcome;
            }
        }

        return best;
    }

    private int FindRoots(FingerprintTemplate a, FingerprintTemplate b)
    {
        var m = b.MinutiaCount;
        var votedCount = 0;
        foreach (ref readonly var edge in a.Edges.AsSpan())
        {
            foreach (ref readonly var other in b.Hash.Bucket(EdgeHashTable.KeyOf(edge)))
            {
                if (EdgeCompatibility.Mismatch(edge, other) >= 0)
                {
                    var pair = (edge.From * m) + other.From;
                    if (votes[pair]++ == 0)
                    {
                        voted[votedCount++] = pair;
                    }
                }
            }
        }

        // Keep the best-voted pairs (insertion into a short sorted list), clearing the votes as we go.
        var count = 0;
        for (var v = 0; v < votedCount; v++)
        {
            var pair = voted[v];
            int score = votes[pair];
            votes[pair] = 0;
            if (count == roots.Length && score <= votes2(roots[count - 1]))
            {
                continue;
            }

            var at = Math.Min(count, roots.Length - 1);
            while (at > 0 && votes2(roots[at - 1]) < score)
            {
                roots[at] = roots[at - 1];
                at--;
            }

            roots[at] = pair | (score << 16);
            count = Math.Min(count + 1, roots.Length);
        }

        for (var r = 0; r < count; r++)
        {
            roots[r] &= 0xFFFF;
        }

        return count;

        static int votes2(int packed) => packed >> 16;
    }

    private PairingOutcome Grow(FingerprintTemplate a, FingerprintTemplate b, int rootA, int rootB)
    {
        int n = a.MinutiaCount, m = b.MinutiaCount;
        mapA.AsSpan(0, n).Fill(-1);
        mapB.AsSpan(0, m).Fill(-1);
        mapA[rootA] = (short)rootB;
        mapB[rootB] = (short)rootA;
        queue[0] = rootA;
        int pairs = 1, head = 0;
        var edgesA = a.Edges;
        var edgesB = b.Edges;
        while (head < pairs)
        {
            var i = queue[head++];
            var k = mapA[i];
            int startB = b.EdgeStart[k], endB = b.EdgeStart[k + 1];
            for (int e = a.EdgeStart[i], endA = a.EdgeStart[i + 1]; e < endA; e++)
            {
                ref readonly var edgeA = ref edgesA[e];
                if (mapA[edgeA.To] >= 0)
                {
                    continue;
                }

                int bestTo = -1, bestMismatch = int.MaxValue;
                for (var f = startB; f < endB; f++)
                {
                    ref readonly var edgeB = ref edgesB[f];
                    if (mapB[edgeB.To] < 0)
                    {
                        var mismatch = EdgeCompatibility.Mismatch(edgeA, edgeB);
                        if (mismatch >= 0 && mismatch < bestMismatch)
                        {
                            bestMismatch = mismatch;
                            bestTo = edgeB.To;
                        }
                    }
                }

                if (bestTo >= 0)
                {
                    mapA[edgeA.To] = (short)bestTo;
                    mapB[bestTo] = edgeA.To;
                    queue[pairs++] = edgeA.To;
                }
            }
        }

        return new PairingOutcome(pairs, CountSupport(a, b, pairs), n, m);
    }

    /// <summary>Edges present in both templates between paired minutiae, each counted once per direction.</summary>
    private int CountSupport(FingerprintTemplate a, FingerprintTemplate b, int pairs)
    {
        var support = 0;
        for (var p = 0; p < pairs; p++)
        {
            var i = queue[p];
            var k = mapA[i];
            int startB = b.EdgeStart[k], endB = b.EdgeStart[k + 1];
            for (int e = a.EdgeStart[i], endA = a.EdgeStart[i + 1]; e < endA; e++)
            {
                ref readonly var edgeA = ref a.Edges[e];
                var partner = mapA[edgeA.To];
                if (partner < 0)
                {
                    continue;
                }

                for (var f = startB; f < endB; f++)
                {
                    if (b.Edges[f].To == partner)
                    {
                        if (EdgeCompatibility.Mismatch(edgeA, b.Edges[f]) >= 0)
                        {
                            support++;
                        }

                        break;
                    }
                }
            }
        }

        return support;
    }
}
