using System.Collections.Concurrent;

namespace OpenAaf.Server.Http;

/// <summary>
/// Limits failed endpoint-session attempts per endpoint id (api.md §3.4): the secret hash is a static
/// credential, so guessing must be slow. A fixed window per id; state is small and self-cleaning.
/// </summary>
public sealed class EndpointAuthThrottle(TimeProvider time)
{
    public const int MaxFailuresPerWindow = 20;
    public const int WindowSeconds = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(WindowSeconds);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool Allows(string endpointId) =>
        !_failures.TryGetValue(endpointId, out var entry) || time.GetUtcNow() - entry.Start >= Window || entry.Failures < MaxFailuresPerWindow;

    public void RecordFailure(string endpointId)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(endpointId, _ => (now, 1),
            (_, e) => now - e.Start >= Window ? (now, 1) : (e.Start, e.Failures + 1));
        if (_failures.Count > 10_000)
            foreach (var (key, e) in _failures)
                if (now - e.Start >= Window) _failures.TryRemove(key, out _);
    }
}
