namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>An event as the configuration declares it: chains by name, in priority order.</summary>
public sealed record EventDeclaration
{
    public required string Name { get; init; }
    public string Type { get; init; } = "Generic";
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<string> Chains { get; init; } = [];
    public bool AllCategories { get; init; } = true;
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Endpoints { get; init; } = [];
    /// <summary>Null = the built-in event's scope for a built-in name, else <see cref="ManagementScope.None"/>.</summary>
    public ManagementScope? Scope { get; init; }
}
