using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// The validated <c>bootstrap</c> section of the configuration: objects bound together by name, not by id.
/// Applying it (<see cref="ConfigurationService.ApplyBootstrapAsync"/>) is idempotent.
/// </summary>
public sealed record BootstrapDocument
{
    /// <summary>Repositories in configuration order. <c>Id</c> is ignored: ids are assigned by the service.</summary>
    public IReadOnlyList<RepositoryDefinition> Repositories { get; init; } = [];
    public IReadOnlyList<LocalUserDefinition> Users { get; init; } = [];
    public IReadOnlyList<ChainDeclaration> Chains { get; init; } = [];
    public IReadOnlyList<Category> Categories { get; init; } = [];
    public IReadOnlyList<EventDeclaration> Events { get; init; } = [];
    public IReadOnlyList<EndpointDeclaration> Endpoints { get; init; } = [];
    /// <summary>Defaults plus the components of <see cref="PolicyComponents"/> as the file declares them.</summary>
    public PolicySet Policies { get; init; } = PolicySet.Defaults;
    /// <summary>Wire ids of the components the file declares; only these replace what is stored.</summary>
    public IReadOnlySet<string> PolicyComponents { get; init; } = new HashSet<string>();

    public static BootstrapDocument Empty { get; } = new();
}
