namespace OpenAaf.Core.Configuration;

/// <summary>An ordered list of methods that together authenticate a user (api.md §4.4).</summary>
public sealed record ChainDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string TenantId { get; init; } = Tenant.DefaultId;
    public string ShortName { get; init; } = "";
    public required IReadOnlyList<string> Methods { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Empty = everyone; <c>REPO\Group</c> or bare <c>Group</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool ApplyForEndpointOwner { get; init; }
    public string? RequiredChainId { get; init; }
    public int? GracePeriodHours { get; init; }
    public string ImageName { get; init; } = "default";
    public string RiskLevel { get; init; } = "NONE";
}
