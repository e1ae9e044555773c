namespace OpenAaf.Core.Configuration;

public enum RepositoryKind { Local, Ldap, ActiveDirectory }

/// <summary>A user repository: the built-in LOCAL one, or an LDAP / Active Directory server.</summary>
public sealed record RepositoryDefinition
{
    public const string LocalName = "LOCAL";

    public required string Id { get; init; }
    public required string Name { get; init; }
    public required RepositoryKind Kind { get; init; }
    public string TenantId { get; init; } = Tenant.DefaultId;

    /// <summary>Tried in order: the first reachable one serves the call (failover).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];
    public bool StartTls { get; init; }
    public string BaseDn { get; init; } = "";
    public string BindDn { get; init; } = "";
    public string BindPassword { get; init; } = "";
    /// <summary>LDAP filter with <c>{0}</c> for the (escaped) login name.</summary>
    public string UserFilter { get; init; } = "";
    public string GroupAttribute { get; init; } = "memberOf";
    /// <summary>PEM file of the CA that signed the server certificate (LDAPS / StartTLS).</summary>
    public string? CaCertificate { get; init; }
    /// <summary>Cap on concurrent directory operations for this repository.</summary>
    public int MaxConcurrency { get; init; } = 16;
    public int TimeoutSeconds { get; init; } = 10;
    /// <summary>How long an account found by a search is remembered (never a password or a bind's answer); 0 turns it off.</summary>
    public int LookupCacheSeconds { get; init; } = 5;
    public string MobileAttribute { get; init; } = "mobile";
    public string MailAttribute { get; init; } = "mail";

    public bool IsDirectory => Kind != RepositoryKind.Local;

    public string EffectiveUserFilter => UserFilter.Length > 0
        ? UserFilter
        : Kind == RepositoryKind.ActiveDirectory ? "(sAMAccountName={0})" : "(uid={0})";
}
