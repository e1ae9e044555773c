using System.Collections.Concurrent;

namespace OpenAaf.Server.Http;

/// <summary>
/// Limits wrong endpoint-secret hashes (api.md §1.7, §3.4) per endpoint id AND client address: endpoint ids are not
/// secret, so a limit per id alone let anyone lock the endpoint's real clients out. A client past the limit still
/// has a correct hash verified (one SHA-256) and gets its session; only wrong hashes are answered 429.
/// Note: that makes 429 and 200 tell a throttled guesser right from wrong, so the limit keeps wrong hashes cheap and
/// visible, and cannot stand in for a strong secret: configured endpoint secrets must be long and random.
/// Memory is bounded: at most <see cref="MaxTracked"/> windows, the oldest dropped first.
/// </summary>
public sealed class EndpointAuthThrottle(TimeProvider time)
{
    public const int MaxFailuresPerWindow = 20;
    public const int WindowSeconds = 60;
    public const int MaxTracked = 50_000;
    /// <summary>Endpoint ids are 32 characters; a longer path segment is kept only up to here, so keys stay small.</summary>
    private const int MaxIdLength = 64;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(WindowSeconds);

    private readonly ConcurrentDictionary<(string Endpoint, string Client), (DateTimeOffset Start, int Failures)> _windows = new();
    private readonly Lock _trimming = new();

    public int Tracked => _windows.Count;

    /// <summary>Seconds until this client may fail again for this endpoint; null while it is not throttled.</summary>
    public int? RetryAfter(string endpointId, string client)
    {
        if (!_windows.TryGetValue(Key(endpointId, client), out var window) || window.Failures < MaxFailuresPerWindow) return null;
        var left = window.Start + Window - time.GetUtcNow();
        return left <= TimeSpan.Zero ? null : (int)Math.Ceiling(left.TotalSeconds);
    }

    public void RecordFailure(string endpointId, string client)
    {
        var now = time.GetUtcNow();
        _windows.AddOrUpdate(Key(endpointId, client), static (_, now) => (now, 1),
            static (_, window, now) => now - window.Start >= Window ? (now, 1) : (window.Start, window.Failures + 1), now);
        if (_windows.Count > MaxTracked) Trim(now);
    }

    /// <summary>Drops expired windows; if that is not enough (a flood of fresh ones), the oldest down to 90 % of the cap.</summary>
    private void Trim(DateTimeOffset now)
    {
        lock (_trimming)
        {
            if (_windows.Count <= MaxTracked) return;
            foreach (var pair in _windows)
                if (now - pair.Value.Start >= Window) _windows.TryRemove(pair);
            var excess = _windows.Count - MaxTracked * 9 / 10;
            if (excess <= 0) return;
            foreach (var pair in _windows.OrderBy(p => p.Value.Start).Take(excess).ToList()) _windows.TryRemove(pair);
        }
    }

    private static (string, string) Key(string endpointId, string client) =>
        ((endpointId.Length > MaxIdLength ? endpointId[..MaxIdLength] : endpointId).ToLowerInvariant(), client);
}
