using System.Collections.Concurrent;

namespace OpenAaf.Storage.Memory;

/// <summary>
/// Live objects per endpoint id, kept next to a memory store so that the per-endpoint caps cost O(1) instead of a
/// scan. The store counts an object up after it was added and down only after a removal that succeeded, so the
/// count is exact once concurrent calls have returned. Endpoints without objects take no memory.
/// </summary>
internal sealed class EndpointCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Of(string endpointId) => _counts.GetValueOrDefault(endpointId);

    public void Added(string endpointId) => _counts.AddOrUpdate(endpointId, 1, static (_, n) => n + 1);

    public void Removed(string endpointId)
    {
        var left = _counts.AddOrUpdate(endpointId, 0, static (_, n) => n - 1);
        // Note: removes the entry only if it is still 0, so an Added racing with this call is never lost.
        if (left == 0) _counts.TryRemove(new KeyValuePair<string, int>(endpointId, 0));
    }
}
