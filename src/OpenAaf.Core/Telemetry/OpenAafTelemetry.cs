using System.Diagnostics;
using System.Reflection;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// The names OpenAAF reports under: one <see cref="ActivitySource"/> and one meter, both called
/// <see cref="Name"/>, and the attribute keys of its metrics and spans. Attribute values are kept to
/// bounded sets (method ids, results, catalogue reasons, repository names), never user names or ids,
/// so that a metric never grows a series per user.
/// </summary>
public static class OpenAafTelemetry
{
    public const string Name = "OpenAaf";

    /// <summary>The product version with its source revision (<c>1.0.0+abc123…</c>), for the service resource.</summary>
    public static readonly string Version =
        typeof(OpenAafTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version of the meter and the source, without the revision: it labels every series.</summary>
    public static readonly string ScopeVersion = Version.Split('+')[0];

    /// <summary>Spans of logon steps, method verifications and directory calls. Without a listener, starting one costs nothing.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, ScopeVersion);

    /// <summary>
    /// Bucket bounds in seconds for every duration histogram: a user bind on a LAN takes well under a
    /// millisecond, a fingerprint match or a dead directory's timeout seconds.
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Attribute keys. Metric labels use the bounded ones; spans may also carry the ids.</summary>
    public static class Keys
    {
        public const string Action = "openaaf.action";
        public const string Step = "openaaf.step";
        public const string Method = "openaaf.method";
        public const string Result = "openaaf.result";
        public const string Reason = "openaaf.reason";
        public const string MsgId = "openaaf.msgid";
        public const string Repository = "openaaf.repository";
        public const string Operation = "openaaf.directory.operation";
        public const string Outcome = "openaaf.outcome";
        public const string ErrorType = "error.type";

        // Span-only: unbounded, never a metric label.
        public const string LogonProcessId = "openaaf.logon_process.id";
        public const string EndpointId = "openaaf.endpoint.id";
        public const string UserId = "user.id";
    }
}
