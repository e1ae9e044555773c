namespace OpenAaf.Core.Configuration;

/// <summary>What a login session created through an event may do (api.md §4.6).</summary>
public enum ManagementScope { None, Self, Helpdesk }

/// <summary>The thing a user logs on to (api.md §4.3).</summary>
public sealed record EventDefinition
{
    public const string AuthenticatorsManagement = "Authenticators Management";
    public const string Helpdesk = "Helpdesk";
    public const string HelpdeskUser = "Helpdesk User";
    public const string Default = "Default";

    public required string Id { get; init; }
    public required string Name { get; init; }
    public string TenantId { get; init; } = Tenant.DefaultId;
    public string Type { get; init; } = "Generic";
    public bool Enabled { get; init; } = true;
    /// <summary>Chain ids in priority order; a chain's position is its index here.</summary>
    public IReadOnlyList<string> ChainIds { get; init; } = [];
    public bool AllCategories { get; init; } = true;
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Endpoint names allowed to use the event; empty = any.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];
    public ManagementScope Scope { get; init; } = ManagementScope.None;

    public string DataId => Name.ToUpperInvariant();

    /// <summary>The built-in events and their scopes; created when the configuration leaves them out.</summary>
    public static readonly IReadOnlyList<(string Name, ManagementScope Scope)> BuiltIn =
    [
        (AuthenticatorsManagement, ManagementScope.Self),
        (Helpdesk, ManagementScope.Helpdesk),
        (HelpdeskUser, ManagementScope.None),
        (Default, ManagementScope.None),
    ];
}
