using OpenAaf.Core.Configuration;

namespace OpenAaf.Storage;

/// <summary>Core's view of the database's <c>meta</c> table, whatever the provider.</summary>
internal sealed class StorageMetadataStore(IStorageDatabase database) : IMetadataStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.GetMetaAsync(key, cancellationToken);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        database.SetMetaAsync(key, value, cancellationToken);
}
