using OpenAaf.Biometrics.Records;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// Turns a view's minutiae into the matcher's frame: 500 dpi pixels, y pointing up (so that the record's
/// counter-clockwise angles stay counter-clockwise), angles as bytes. Anisotropic resolutions are
/// honoured for directions too, by scaling the direction vector like the positions.
/// </summary>
internal static class TemplateGeometry
{
    public static (short[] X, short[] Y, byte[] Theta) Normalize(FingerView view)
    {
        var scaleX = MatcherParameters.NormalizedPixelsPerCm / view.ResolutionX;
        var scaleY = MatcherParameters.NormalizedPixelsPerCm / view.ResolutionY;

        // Note: deterministic order (by position, then angle) so that a record and its reordered copy
        // prepare to identical bytes; the cap keeps the prepared form small.
        var ordered = view.Minutiae
            .OrderBy(m => m.Y).ThenBy(m => m.X).ThenBy(m => m.Angle)
            .Take(FingerprintTemplate.MaxMinutiae)
            .ToArray();
        var x = new short[ordered.Length];
        var y = new short[ordered.Length];
        var theta = new byte[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var m = ordered[i];
            x[i] = (short)Math.Round(m.X * scaleX);
            y[i] = (short)-Math.Round(m.Y * scaleY);
            theta[i] = Angles.FromRadians(Math.Atan2(Math.Sin(m.Angle) * scaleY, Math.Cos(m.Angle) * scaleX));
        }

        return (x, y, theta);
    }

    /// <summary>Links every minutia to its nearest neighbours within the maximum edge length.</summary>
    public static NeighborEdge[] BuildEdges(short[] x, short[] y, byte[] theta, out ushort[] edgeStart)
    {
        var n = x.Length;
        var edges = new List<NeighborEdge>(n * MatcherParameters.NeighborCount);
        edgeStart = new ushort[n + 1];
        // Note: long, because coordinates restored from bytes may span the whole short range.
        var candidates = new (long DistanceSquared, int Index)[Math.Max(0, n - 1)];
        var maxSquared = (long)MatcherParameters.MaxEdgeLength * MatcherParameters.MaxEdgeLength;
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                long dx = x[j] - x[i], dy = y[j] - y[i];
                var squared = (dx * dx) + (dy * dy);
                if (j != i && squared <= maxSquared)
                {
                    candidates[count++] = (squared, j);
                }
            }

            Array.Sort(candidates, 0, count);
            for (var c = 0; c < Math.Min(count, MatcherParameters.NeighborCount); c++)
            {
                edges.Add(MakeEdge(x, y, theta, i, candidates[c].Index));
            }

            edgeStart[i + 1] = (ushort)edges.Count;
        }

        return [.. edges];
    }

    private static NeighborEdge MakeEdge(short[] x, short[] y, byte[] theta, int from, int to)
    {
        int dx = x[to] - x[from], dy = y[to] - y[from];
        var length = (short)Math.Round(Math.Sqrt((dx * dx) + (dy * dy)));
        var direction = Angles.FromRadians(Math.Atan2(dy, dx));
        return new NeighborEdge((byte)from, (byte)to, length, (byte)(direction - theta[from]), (byte)(theta[to] - theta[from]));
    }
}
