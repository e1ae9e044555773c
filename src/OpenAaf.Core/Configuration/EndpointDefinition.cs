namespace OpenAaf.Core.Configuration;

/// <summary>A registered client installation (api.md §3). The secret is held in clear only in memory.</summary>
public sealed record EndpointDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Secret { get; init; }
    public string TenantId { get; init; } = Tenant.DefaultId;
    public int Typ { get; init; } = 3;
    public string Desc { get; init; } = "";
    public bool IsTrusted { get; init; }
    public bool IsEnabled { get; init; } = true;
    /// <summary><c>REPO\name</c> of the owner, for chains flagged <c>apply_for_ep_owner</c>.</summary>
    public string? OwnerUserName { get; init; }
}
