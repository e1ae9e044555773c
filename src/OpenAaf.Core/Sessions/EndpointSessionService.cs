using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Sessions;

/// <summary>Creates and checks endpoint sessions (api.md §3.4–3.6).</summary>
public sealed class EndpointSessionService(
    IEndpointSessionStore sessions, ILogonProcessStore processes, IConfigurationSource configuration, TimeProvider time)
{
    /// <summary>Null when the endpoint is unknown or disabled, or the hash is wrong: one answer for all three.</summary>
    public async Task<EndpointSession?> CreateAsync(
        string endpointId, string salt, string secretHash, string sessionData, CancellationToken cancellationToken)
    {
        var endpoint = configuration.Current.FindEndpoint(endpointId);
        // Compute a hash even for unknown endpoints, so the reply time does not tell which case it was.
        var secret = endpoint?.Secret ?? "unknown-endpoint";
        var idForHash = endpoint?.Id ?? endpointId.ToLowerInvariant();
        var valid = EndpointSecretHash.Verify(idForHash, secret, salt, secretHash);
        if (endpoint is null || !endpoint.IsEnabled || !valid) return null;

        await MakeRoomAsync(endpoint.Id, cancellationToken);
        var now = time.GetUtcNow();
        var session = new EndpointSession
        {
            Id = RandomIds.NewToken(), EndpointId = endpoint.Id, Created = now, LastUsed = now, SessionData = sessionData,
        };
        await sessions.AddAsync(session, cancellationToken);
        return session;
    }

    /// <summary>
    /// Keeps the endpoint below SessionOptions.max_endpoint_sessions by ending its least recently used sessions.
    /// Only holders of the endpoint secret create sessions, so the cap bounds a client that never deletes its
    /// sessions; ending the one idle longest keeps that client working (a client whose session ends renews it
    /// on 433, api.md §1.5), where refusing new sessions would lock every client of the endpoint out until the
    /// idle timeout. Concurrent creations may pass the cap by a few; the next creation evicts them.
    /// </summary>
    private async Task MakeRoomAsync(string endpointId, CancellationToken cancellationToken)
    {
        var max = configuration.Current.Policies.Sessions.MaxEndpointSessions;
        while (await sessions.CountByEndpointAsync(endpointId, cancellationToken) >= max &&
               await sessions.LeastRecentlyUsedAsync(endpointId, cancellationToken) is { } oldest)
            await EndAsync(oldest, cancellationToken);
    }

    /// <summary>The live session with this id, refreshed; null when unknown, expired, or its endpoint is gone or disabled.</summary>
    public async Task<EndpointSession?> UseAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId)) return null;
        var session = await sessions.GetAsync(sessionId, cancellationToken);
        if (session is null) return null;
        var now = time.GetUtcNow();
        var policy = configuration.Current.Policies.Sessions;
        if (now - session.LastUsed >= TimeSpan.FromSeconds(policy.EndpointSessionIdleTimeout) ||
            now - session.Created >= TimeSpan.FromSeconds(policy.EndpointSessionMaxLifetime) ||
            configuration.Current.FindEndpoint(session.EndpointId) is not { IsEnabled: true })
        {
            await sessions.RemoveAsync(sessionId, cancellationToken);
            return null;
        }
        await sessions.TouchAsync(sessionId, now, cancellationToken);
        return session with { LastUsed = now };
    }

    /// <summary>Ends the session and its logon processes; login sessions survive (they belong to the endpoint).</summary>
    public async Task EndAsync(EndpointSession session, CancellationToken cancellationToken)
    {
        await sessions.RemoveAsync(session.Id, cancellationToken);
        await processes.RemoveByEndpointSessionAsync(session.Id, cancellationToken);
    }

    public DateTimeOffset ExpiresAt(EndpointSession session)
    {
        var policy = configuration.Current.Policies.Sessions;
        var idle = session.LastUsed.AddSeconds(policy.EndpointSessionIdleTimeout);
        var max = session.Created.AddSeconds(policy.EndpointSessionMaxLifetime);
        return idle < max ? idle : max;
    }
}
