using System.Text.Json.Serialization;

namespace OpenAaf.Core.Policies;

// Platform policy components (api.md §10.2). Property names map to the wire names through the
// snake_case naming policy of PolicyJson; defaults are the documented ones.

public sealed record LockoutOptions
{
    public bool IsEnabled { get; init; } = true;
    public int FailedAttempts { get; init; } = 3;
    /// <summary>Seconds; 0 = until a helpdesk operator unlocks the user.</summary>
    public int LockoutPeriod { get; init; } = 300;
    public bool LockInRepo { get; init; }
    public bool LockOnTestFailure { get; init; }
}

public sealed record LoginOptions
{
    /// <summary>Null = LOCAL plus every configured directory, in configuration order.</summary>
    public IReadOnlyList<string>? DefaultRepos { get; init; }
    public IReadOnlyList<string> NondefaultRepos { get; init; } = [];
    public string DefaultEvent { get; init; } = "Default";
    public bool EnforceMethodOrder { get; init; }
    public bool HideUnknownUsers { get; init; }
}

public sealed record SessionOptions
{
    public int EndpointSessionIdleTimeout { get; init; } = 3600;
    public int EndpointSessionMaxLifetime { get; init; } = 86400;
    public int LogonProcessIdleTimeout { get; init; } = 300;
    public int LogonProcessMaxLifetime { get; init; } = 1800;
    public int LoginSessionIdleTimeout { get; init; } = 900;
    public int LoginSessionMaxLifetime { get; init; } = 28800;
    public int EnrollProcessIdleTimeout { get; init; } = 600;
    public int EnrollProcessMaxLifetime { get; init; } = 1800;
    /// <summary>Endpoint sessions one endpoint may hold; a new one past it ends the endpoint's least recently used session.</summary>
    public int MaxEndpointSessions { get; init; } = 1000;
    /// <summary>Logon processes one endpoint may hold; a start past it is answered 429.</summary>
    public int MaxLogonProcesses { get; init; } = 5000;
}

public sealed record LinkedChainsOptions
{
    public bool LinkedChainsEnabled { get; init; }
    public bool HideRequiredChain { get; init; }
    public bool LimitBySameEndpoint { get; init; } = true;
}

public sealed record TemplateOptions
{
    public bool SharingEnabled { get; init; }
    public bool DisableReenrollment { get; init; }
}

public sealed record HelpdeskOptions
{
    public bool RequireUserCredentials { get; init; }
    public bool AllowUnlockUsers { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = ["FULL ADMINS", "ENROLL ADMINS"];
}

public sealed record DeleteMeOptions
{
    public bool DeleteMeEnabled { get; init; }
}

public sealed record EndpointManOptions
{
    public bool CreateNeedAuth { get; init; } = true;
}

public sealed record CacheOptions
{
    public bool CacheEnabled { get; init; }
}

public sealed record MultitenancyOptions
{
    public bool MultitenancyEnabled { get; init; }
}

public sealed record PublicUrlOptions
{
    /// <summary>Empty = the first address the server listens on.</summary>
    public IReadOnlyDictionary<string, string> SiteUrls { get; init; } = new Dictionary<string, string>();
}

public sealed record SmsSenderOptions
{
    public string Url { get; init; } = "";
    public string HttpMethod { get; init; } = "POST";
    public string ContentType { get; init; } = "application/json";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string Body { get; init; } = "{\"to\": \"{recipient}\", \"text\": \"{message}\"}";
    public string Username { get; init; } = "";
    [Secret] public string Password { get; init; } = "";
    public int Timeout { get; init; } = 10;
}

public sealed record MailSenderOptions
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 25;
    public string Security { get; init; } = "starttls";
    public string Username { get; init; } = "";
    [Secret] public string Password { get; init; } = "";
    public string Sender { get; init; } = "OpenAAF <openaaf@localhost>";
    public int Timeout { get; init; } = 10;
}

/// <summary>Marks a policy field that is write-only: <c>effective_policy</c> shows it as null.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

