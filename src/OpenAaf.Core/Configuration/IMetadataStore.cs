namespace OpenAaf.Core.Configuration;

/// <summary>Small durable key-value facts about the installation (schema version, master-key check value).</summary>
public interface IMetadataStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
