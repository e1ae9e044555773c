namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// The rigid transform implied by a seed pair: a candidate pair must land where the seed predicts, within a
/// tolerance that grows with the distance from the seed, because skin stretches more over longer spans.
/// </summary>
internal readonly struct GlobalFrame
{
    private readonly float cos;
    private readonly float sin;
    private readonly int originAX, originAY, originBX, originBY;

    public GlobalFrame(FingerprintTemplate a, FingerprintTemplate b, int rootA, int rootB, byte rotation)
    {
        var radians = Angles.ToRadians(rotation);
        cos = (float)Math.Cos(radians);
        sin = (float)Math.Sin(radians);
        originAX = a.X[rootA];
        originAY = a.Y[rootA];
        originBX = b.X[rootB];
        originBY = b.Y[rootB];
    }

    public bool Consistent(FingerprintTemplate a, FingerprintTemplate b, int i, int k)
    {
        float ax = a.X[i] - originAX, ay = a.Y[i] - originAY;
        float bx = b.X[k] - originBX, by = b.Y[k] - originBY;
        float dx = (cos * ax) - (sin * ay) - bx, dy = (sin * ax) + (cos * ay) - by;
        var distance = MathF.Sqrt((ax * ax) + (ay * ay));
        var tolerance = MatcherParameters.PositionTolerance + (distance * MatcherParameters.PositionToleranceRelativePercent / 100f);
        return (dx * dx) + (dy * dy) <= tolerance * tolerance;
    }
}
