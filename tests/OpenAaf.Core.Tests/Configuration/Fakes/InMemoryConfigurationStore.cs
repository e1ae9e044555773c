using System.Collections.Concurrent;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

/// <summary>IConfigurationStore in memory; counts writes so tests can see what a bootstrap did.</summary>
public sealed class InMemoryConfigurationStore : IConfigurationStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), StoredConfigObject> _items = new();

    public int Upserts { get; private set; }
    public IReadOnlyList<StoredConfigObject> Items => _items.Values.OrderBy(i => i.Kind).ThenBy(i => i.Id).ToList();

    public IReadOnlyList<StoredConfigObject> OfKind(string kind) => Items.Where(i => i.Kind == kind).ToList();

    public Task<IReadOnlyList<StoredConfigObject>> LoadAllAsync(CancellationToken cancellationToken) =>
        // Note: reversed, so that code relying on the store's order instead of positions fails.
        Task.FromResult<IReadOnlyList<StoredConfigObject>>(Items.Reverse().ToList());

    public Task UpsertAsync(StoredConfigObject item, CancellationToken cancellationToken)
    {
        Upserts++;
        _items[(item.Kind, item.Id)] = item;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string kind, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_items.TryRemove((kind, id), out _));
}
