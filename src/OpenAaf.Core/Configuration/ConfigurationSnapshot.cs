using System.Collections.Frozen;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Configuration;

/// <summary>
/// An immutable view of every configuration object. A change builds a new snapshot and swaps it in
/// (<see cref="IConfigurationSource"/>), so a request always sees one consistent configuration.
/// </summary>
public sealed class ConfigurationSnapshot
{
    private readonly FrozenDictionary<string, RepositoryDefinition> _repositoriesByName;
    private readonly FrozenDictionary<string, RepositoryDefinition> _repositoriesById;
    private readonly FrozenDictionary<string, ChainDefinition> _chainsById;
    private readonly FrozenDictionary<string, EventDefinition> _eventsByName;
    private readonly FrozenDictionary<string, EndpointDefinition> _endpointsById;
    private readonly FrozenDictionary<string, Category> _categoriesById;

    public ConfigurationSnapshot(
        IReadOnlyList<RepositoryDefinition> repositories,
        IReadOnlyList<ChainDefinition> chains,
        IReadOnlyList<EventDefinition> events,
        IReadOnlyList<Category> categories,
        IReadOnlyList<EndpointDefinition> endpoints,
        PolicySet policies)
    {
        Repositories = repositories;
        Chains = chains;
        Events = events;
        Categories = categories;
        Endpoints = endpoints;
        Policies = policies;
        _repositoriesByName = repositories.ToFrozenDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        _repositoriesById = repositories.ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _chainsById = chains.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        _eventsByName = events.ToFrozenDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        _endpointsById = endpoints.ToFrozenDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _categoriesById = categories.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public static ConfigurationSnapshot Empty { get; } = new([], [], [], [], [], PolicySet.Defaults);

    public Tenant Tenant => Tenant.Default;
    public IReadOnlyList<RepositoryDefinition> Repositories { get; }
    public IReadOnlyList<ChainDefinition> Chains { get; }
    public IReadOnlyList<EventDefinition> Events { get; }
    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyList<EndpointDefinition> Endpoints { get; }
    public PolicySet Policies { get; }

    public RepositoryDefinition? FindRepository(string name) => _repositoriesByName.GetValueOrDefault(name);
    public RepositoryDefinition? FindRepositoryById(string id) => _repositoriesById.GetValueOrDefault(id);
    public ChainDefinition? FindChain(string id) => _chainsById.GetValueOrDefault(id);
    public EventDefinition? FindEvent(string name) => _eventsByName.GetValueOrDefault(name);
    public EndpointDefinition? FindEndpoint(string id) => _endpointsById.GetValueOrDefault(id);
    public Category? FindCategory(string id) => _categoriesById.GetValueOrDefault(id);

    /// <summary>The repositories a bare user name is looked up in, in order (LoginOptions.default_repos).</summary>
    public IEnumerable<RepositoryDefinition> DefaultRepositories =>
        Policies.Login.DefaultRepos is { } names
            ? names.Select(FindRepository).OfType<RepositoryDefinition>()
            : Repositories.OrderBy(r => r.Kind == RepositoryKind.Local ? 0 : 1);

    public ConfigurationSnapshot With(
        IReadOnlyList<RepositoryDefinition>? repositories = null,
        IReadOnlyList<ChainDefinition>? chains = null,
        IReadOnlyList<EventDefinition>? events = null,
        IReadOnlyList<Category>? categories = null,
        IReadOnlyList<EndpointDefinition>? endpoints = null,
        PolicySet? policies = null) =>
        new(repositories ?? Repositories, chains ?? Chains, events ?? Events, categories ?? Categories,
            endpoints ?? Endpoints, policies ?? Policies);
}
