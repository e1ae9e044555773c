using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Server.Configuration;

/// <summary>Sanity rules of the platform components (api.md §10.2, operations.md transports).</summary>
internal static class PlatformPolicyRules
{
    public static readonly IReadOnlyList<(string Component, Func<PolicySet, IReadOnlySet<string>, IEnumerable<PolicyViolation>> Check)> All =
    [
        ("LockoutOptions", (p, _) => [
            .. AtLeast("failed_attempts", p.Lockout.FailedAttempts, 1),
            .. AtLeast("lockout_period", p.Lockout.LockoutPeriod, 0),
            .. NotSupported("lock_in_repo", p.Lockout.LockInRepo)]),
        ("LoginOptions", (p, repos) => [
            .. Repositories("default_repos", p.Login.DefaultRepos ?? [], repos),
            .. Repositories("nondefault_repos", p.Login.NondefaultRepos, repos),
            .. NonEmptyItems("default_event", [p.Login.DefaultEvent]),
            // Not implemented yet: refused rather than silently ignored.
            .. NotSupported("hide_unknown_users", p.Login.HideUnknownUsers)]),
        ("LinkedChainsOptions", (p, _) => NotSupported("linked_chains_enabled", p.LinkedChains.LinkedChainsEnabled)),
        ("SessionOptions", (p, _) => Sessions(p.Sessions)),
        ("TemplateOptions", (p, _) => NotSupported("sharing_enabled", p.Templates.SharingEnabled)),
        ("HelpdeskOptions", (p, _) => NonEmptyItems("roles", p.Helpdesk.Roles)),
        ("MultitenancyOptions", (p, _) => NotSupported("multitenancy_enabled", p.Multitenancy.MultitenancyEnabled)),
        ("PublicUrlOptions", (p, _) => HttpUrls("site_urls", p.PublicUrl.SiteUrls.Values)),
        ("SMSSender", (p, _) => [
            .. HttpUrls("url", [p.SmsSender.Url], allowEmpty: true),
            .. OneOf("http_method", p.SmsSender.HttpMethod, "GET", "POST", "PUT"),
            .. AtLeast("timeout", p.SmsSender.Timeout, 1)]),
        ("MailSender", (p, _) => [
            .. Between("port", p.MailSender.Port, 1, 65535),
            .. OneOf("security", p.MailSender.Security, "starttls", "ssl", "none"),
            .. AtLeast("timeout", p.MailSender.Timeout, 1)]),
    ];

    private static IEnumerable<PolicyViolation> Repositories(string field, IEnumerable<string> names, IReadOnlySet<string> known) =>
        names.Where(n => !known.Contains(n)).Select(n => new PolicyViolation(field, $"unknown repository \"{n}\""));

    private static IEnumerable<PolicyViolation> Sessions(OpenAaf.Core.Policies.SessionOptions s) =>
    [
        .. Pair("endpoint_session", s.EndpointSessionIdleTimeout, s.EndpointSessionMaxLifetime),
        .. Pair("logon_process", s.LogonProcessIdleTimeout, s.LogonProcessMaxLifetime),
        .. Pair("login_session", s.LoginSessionIdleTimeout, s.LoginSessionMaxLifetime),
        .. Pair("enroll_process", s.EnrollProcessIdleTimeout, s.EnrollProcessMaxLifetime),
        .. AtLeast("max_endpoint_sessions", s.MaxEndpointSessions, 1),
        .. AtLeast("max_logon_processes", s.MaxLogonProcesses, 1),
    ];

    private static IEnumerable<PolicyViolation> Pair(string prefix, int idle, int max) =>
    [
        .. AtLeast($"{prefix}_idle_timeout", idle, 1),
        .. AtLeast($"{prefix}_max_lifetime", max, 1),
        .. NotAbove($"{prefix}_idle_timeout", idle, $"{prefix}_max_lifetime", max),
    ];
}
