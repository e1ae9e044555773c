using System.Collections.Concurrent;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

public sealed class InMemoryMetadataStore : IMetadataStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return Task.CompletedTask;
    }
}
