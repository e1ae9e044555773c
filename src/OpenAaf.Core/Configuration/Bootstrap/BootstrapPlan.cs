namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>What applying a bootstrap document writes: the full lists in their new order, and what goes away.</summary>
internal sealed record BootstrapPlan(
    IReadOnlyList<RepositoryDefinition> Repositories,
    IReadOnlyList<ChainDefinition> Chains,
    IReadOnlyList<EventDefinition> Events,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<EndpointDefinition> Endpoints,
    IReadOnlyList<string> DeletedEndpointIds,
    Policies.PolicySet Policies);
