namespace OpenAaf.Bench.Load;

/// <summary>Collects latencies from many threads and reports percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(1 << 16);
    private readonly Lock _gate = new();

    public void Add(double milliseconds)
    {
        lock (_gate) _milliseconds.Add(milliseconds);
    }

    public int Count
    {
        get { lock (_gate) return _milliseconds.Count; }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0) return double.NaN;
            _milliseconds.Sort();
            var index = (int)Math.Ceiling(p / 100 * _milliseconds.Count) - 1;
            return _milliseconds[Math.Clamp(index, 0, _milliseconds.Count - 1)];
        }
    }
}
