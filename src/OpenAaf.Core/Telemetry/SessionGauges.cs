using OpenAaf.Core.Sessions;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// Gauges over the session stores, read when metrics are collected: logon processes in progress, endpoint
/// sessions and login sessions that have not ended. Entries past their lifetime count until the pruner
/// removes them (every 30 seconds).
/// </summary>
public sealed class SessionGauges
{
    public SessionGauges(OpenAafMetrics metrics, ILogonProcessStore processes, IEndpointSessionStore endpointSessions,
        ILoginSessionStore loginSessions)
    {
        metrics.Meter.CreateObservableUpDownCounter("openaaf.logon.active_processes", () => processes.Count, "{process}",
            "Logon processes (and template tests) started and not yet ended.");
        metrics.Meter.CreateObservableUpDownCounter("openaaf.endpoint.active_sessions", () => endpointSessions.Count, "{session}",
            "Endpoint sessions open.");
        metrics.Meter.CreateObservableUpDownCounter("openaaf.login.active_sessions", () => loginSessions.ActiveCount, "{session}",
            "Login sessions (results of OK logons) not ended by logout or expiry.");
    }
}
