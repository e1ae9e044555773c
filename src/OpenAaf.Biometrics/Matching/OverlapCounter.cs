namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Aligns the two templates by the best pairing (rotation of its seed, translation between the pairs'
/// centroids) and counts, on each side, the minutiae that fall inside the other template's footprint.
/// </summary>
internal static class OverlapCounter
{
    public static (int ProbeInOverlap, int CandidateInOverlap) Count(
        FingerprintTemplate a, FingerprintTemplate b, ReadOnlySpan<int> pairsA, ReadOnlySpan<int> pairsB, byte rotation)
    {
        if (pairsA.Length == 0)
        {
            return (0, 0);
        }

        float ax = 0, ay = 0, bx = 0, by = 0;
        for (var p = 0; p < pairsA.Length; p++)
        {
            ax += a.X[pairsA[p]];
            ay += a.Y[pairsA[p]];
            bx += b.X[pairsB[p]];
            by += b.Y[pairsB[p]];
        }

        ax /= pairsA.Length;
        ay /= pairsA.Length;
        bx /= pairsA.Length;
        by /= pairsA.Length;
        var radians = Angles.ToRadians(rotation);
        float cos = (float)Math.Cos(radians), sin = (float)Math.Sin(radians);
        var inB = 0;
        for (var i = 0; i < a.MinutiaCount; i++)
        {
            float x = a.X[i] - ax, y = a.Y[i] - ay;
            inB += b.Footprint.Contains((cos * x) - (sin * y) + bx, (sin * x) + (cos * y) + by) ? 1 : 0;
        }

        var inA = 0;
        for (var k = 0; k < b.MinutiaCount; k++)
        {
            float x = b.X[k] - bx, y = b.Y[k] - by;
            inA += a.Footprint.Contains((cos * x) + (sin * y) + ax, (-sin * x) + (cos * y) + ay) ? 1 : 0;
        }

        return (inB, inA);
    }
}
