namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Scratch memory (per thread) and the two stages of a comparison: (1) seed minutia pairs ("roots") ranked
/// by <see cref="RootFinder"/>; (2) from each seed, a pairing grown along neighbour edges, breadth first,
/// accepting for each edge the best compatible edge of the other template, provided the new pair also
/// agrees with the seed's rotation and position (<see cref="GlobalFrame"/>). Growing along local edges
/// tolerates skin distortion; the global check stops a pairing from drifting around an impostor.
/// The best pairing is the one with the most edges that both templates agree on.
/// </summary>
internal sealed class MatchContext
{
    private const int Max = FingerprintTemplate.MaxMinutiae;

    [ThreadStatic]
    private static MatchContext? perThread;

    private readonly ushort[] similarity = new ushort[Max * Max];
    private readonly int[] roots = new int[MatcherParameters.MaxRoots];
    private readonly int[] candidates = new int[MatcherParameters.RootCandidates];
    private readonly short[] mapA = new short[Max];
    private readonly short[] mapB = new short[Max];
    private readonly int[] queue = new int[Max];
    private readonly bool[] covered = new bool[Max * Max];
    private readonly int[] coveredPairs = new int[Max * MatcherParameters.MaxRoots];
    private int coveredCount;

    public static MatchContext ForCurrentThread() => perThread ??= new MatchContext();

    public PairingOutcome Pair(FingerprintTemplate a, FingerprintTemplate b)
    {
        int n = a.MinutiaCount, m = b.MinutiaCount;
        if (n == 0 || m == 0)
        {
            return PairingOutcome.None(n, m);
        }

        var angleTolerance = MatcherParameters.AngleTolerance;
        var rootCount = RootFinder.Find(a, b, angleTolerance, similarity, candidates, roots);
        var best = PairingOutcome.None(n, m);
        for (var r = 0; r < rootCount; r++)
        {
            // Note: a root already paired the same way by an earlier pairing would grow the same pairing again.
            if (covered[roots[r]])
            {
                continue;
            }

            var outcome = Grow(a, b, roots[r] / m, roots[r] % m, angleTolerance);
            MarkCovered(m, outcome.Pairs);
            if (outcome.SupportingEdges > best.SupportingEdges
                || (outcome.SupportingEdges == best.SupportingEdges && outcome.Pairs > best.Pairs))
            {
                best = outcome;
            }
        }

        for (var p = 0; p < coveredCount; p++)
        {
            covered[coveredPairs[p]] = false;
        }

        coveredCount = 0;
        return best;
    }

    private void MarkCovered(int m, int pairs)
    {
        for (var p = 0; p < pairs; p++)
        {
            var pair = (queue[p] * m) + mapA[queue[p]];
            if (!covered[pair])
            {
                covered[pair] = true;
                coveredPairs[coveredCount++] = pair;
            }
        }
    }

    private PairingOutcome Grow(FingerprintTemplate a, FingerprintTemplate b, int rootA, int rootB, int angleTolerance)
    {
        int n = a.MinutiaCount, m = b.MinutiaCount;
        mapA.AsSpan(0, n).Fill(-1);
        mapB.AsSpan(0, m).Fill(-1);
        mapA[rootA] = (short)rootB;
        mapB[rootB] = (short)rootA;
        queue[0] = rootA;
        int pairs = 1, head = 0;
        var rotation = (byte)(b.Theta[rootB] - a.Theta[rootA]);
        var global = new GlobalFrame(a, b, rootA, rootB, rotation);
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

                // Note: both edge lists are sorted by length, so the compatible edges of B form a window
                // that only moves forward: shorter ones can be dropped for good, longer ones end the scan.
                while (startB < endB && edgesB[startB].Length < edgeA.Length - edgeA.LengthTolerance)
                {
                    startB++;
                }

                if (mapA[edgeA.To] >= 0)
                {
                    continue;
                }

                int bestTo = -1, bestMismatch = int.MaxValue;

                // The longest compatible edge has its own, larger tolerance: bound it generously.
                var longest = edgeA.Length + (2 * edgeA.LengthTolerance) + 8;
                for (var f = startB; f < endB; f++)
                {
                    ref readonly var edgeB = ref edgesB[f];

                    // Note: a minutia's edges are sorted by length, so the compatible ones form one run.
                    if (edgeB.Length > longest)
                    {
                        break;
                    }

                    if (mapB[edgeB.To] < 0 && EdgeCompatibility.Compatible(edgeA, edgeB, angleTolerance)
                        && Angles.Distance(b.Theta[edgeB.To] - a.Theta[edgeA.To], rotation) <= MatcherParameters.RotationTolerance
                        && global.Consistent(a, b, edgeA.To, edgeB.To))
                    {
                        var mismatch = EdgeCompatibility.Mismatch(edgeA, edgeB);
                        if (mismatch < bestMismatch)
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

        return new PairingOutcome(pairs, CountSupport(a, b, pairs, angleTolerance), n, m);
    }

    /// <summary>Edges present in both templates between paired minutiae, each counted once per direction.</summary>
    private int CountSupport(FingerprintTemplate a, FingerprintTemplate b, int pairs, int angleTolerance)
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
                        if (EdgeCompatibility.Compatible(edgeA, b.Edges[f], angleTolerance))
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
