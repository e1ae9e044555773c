namespace OpenAaf.Core.Configuration;

/// <summary>
/// Durable configuration objects (repositories, chains, events, categories, endpoints, policies),
/// each kept as JSON under its kind and name. Secrets inside are encrypted by Core before they get here.
/// </summary>
public interface IConfigurationStore
{
    Task<IReadOnlyList<StoredConfigObject>> LoadAllAsync(CancellationToken cancellationToken);
    Task UpsertAsync(StoredConfigObject item, CancellationToken cancellationToken);
    Task<bool> DeleteAsync(string kind, string id, CancellationToken cancellationToken);
}

/// <param name="Kind">repository, chain, event, category, endpoint, policy</param>
/// <param name="Id">stable id (hex for most kinds; the component id for policies)</param>
/// <param name="Name">the binding key of the configuration file; unique per kind (case-insensitive)</param>
public sealed record StoredConfigObject(string Kind, string Id, string Name, string Json);
