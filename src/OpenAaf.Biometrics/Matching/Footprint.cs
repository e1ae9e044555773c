namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// The area a template covers: the convex hull of its minutiae, widened by one cell and rasterised into
/// 32 × 32 cells of 1.2 mm. It lets a comparison count only the minutiae that lie where the other capture
/// could have seen them, so partial overlap is not mistaken for disagreement.
/// </summary>
internal sealed class Footprint
{
    private const int Cells = 32;
    private static readonly int CellSize = MatcherParameters.Mm(1.2);
    private readonly uint[] rows = new uint[Cells];
    private readonly int originX;
    private readonly int originY;

    public Footprint(short[] x, short[] y)
    {
        if (x.Length == 0)
        {
            return;
        }

        originX = x.Min() - CellSize;
        originY = y.Min() - CellSize;
        var hull = ConvexHull(x, y);
        for (var row = 0; row < Cells; row++)
        {
            for (var column = 0; column < Cells; column++)
            {
                if (NearHull(hull, originX + ((column + 0.5) * CellSize), originY + ((row + 0.5) * CellSize)))
                {
                    rows[row] |= 1u << column;
                }
            }
        }
    }

    public bool Contains(float x, float y)
    {
        var column = (int)MathF.Floor((x - originX) / CellSize);
        var row = (int)MathF.Floor((y - originY) / CellSize);
        return (uint)column < Cells && (uint)row < Cells && (rows[row] & (1u << column)) != 0;
    }

    /// <summary>Inside the hull, or within one cell of it (captures see a little beyond their outermost minutiae).</summary>
    private static bool NearHull(List<(double X, double Y)> hull, double px, double py)
    {
        if (hull.Count < 3)
        {
            return hull.Any(p => Math.Abs(p.X - px) <= CellSize && Math.Abs(p.Y - py) <= CellSize);
        }

        var margin = CellSize;
        for (var i = 0; i < hull.Count; i++)
        {
            var (ax, ay) = hull[i];
            var (bx, by) = hull[(i + 1) % hull.Count];
            double ex = bx - ax, ey = by - ay;

            // Counter-clockwise hull: a point is outside an edge when it lies right of it by more than the margin.
            var cross = (ex * (py - ay)) - (ey * (px - ax));
            if (cross < -margin * Math.Sqrt((ex * ex) + (ey * ey)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Andrew's monotone chain; counter-clockwise, without collinear points.</summary>
    private static List<(double X, double Y)> ConvexHull(short[] x, short[] y)
    {
        var points = x.Select((_, i) => ((double)x[i], (double)y[i])).Distinct().Order().ToList();
        if (points.Count < 3)
        {
            return points;
        }

        var hull = new List<(double X, double Y)>();
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            foreach (var p in points)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
            points.Reverse();
        }

        return hull;
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
