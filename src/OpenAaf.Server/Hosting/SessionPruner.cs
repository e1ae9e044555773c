using OpenAaf.Core.Sessions;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Removes expired endpoint sessions, logon processes and login sessions from their stores. Expiry
/// itself is enforced at use time; this only keeps memory bounded.
/// </summary>
public sealed class SessionPruner(
    IEndpointSessionStore endpointSessions,
    ILogonProcessStore processes,
    ILoginSessionStore loginSessions,
    OpenAaf.Core.Enrollment.IEnrollProcessStore enrollProcesses,
    IConfigurationSource configuration,
    TimeProvider time,
    ILogger<SessionPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.PruningFailed(e, Interval);
            }
        }
    }

    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = configuration.Current.Policies.Sessions;
        await endpointSessions.PruneAsync(now.AddSeconds(-policy.EndpointSessionIdleTimeout),
            now.AddSeconds(-policy.EndpointSessionMaxLifetime), cancellationToken);
        await processes.PruneAsync(now.AddSeconds(-policy.LogonProcessIdleTimeout),
            now.AddSeconds(-policy.LogonProcessMaxLifetime), cancellationToken);
        await enrollProcesses.PruneAsync(now.AddSeconds(-policy.EnrollProcessIdleTimeout),
            now.AddSeconds(-policy.EnrollProcessMaxLifetime), cancellationToken);
        await loginSessions.ExpireAsync(now.AddSeconds(-policy.LoginSessionIdleTimeout),
            now.AddSeconds(-policy.LoginSessionMaxLifetime), now, cancellationToken);
        await loginSessions.PruneAsync(now - TombstoneLifetime, cancellationToken);
    }
}
