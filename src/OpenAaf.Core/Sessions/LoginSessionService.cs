using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Sessions;

/// <summary>Creates, checks and ends login sessions (api.md §6, §5.11).</summary>
public sealed class LoginSessionService(ILoginSessionStore sessions, IConfigurationSource configuration, TimeProvider time)
{
    public async Task<LoginSession> CreateAsync(
        AuthenticatedUser user, EventDefinition @event, ChainDefinition chain, string endpointId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = new LoginSession
        {
            Id = RandomIds.NewToken(),
            UserId = user.UserId,
            UserName = user.UserName,
            RepositoryId = user.RepositoryId,
            RepositoryObjectId = user.Account.ObjectId,
            EventName = @event.Name,
            ChainId = chain.Id,
            EndpointId = endpointId,
            UserGroups = user.Account.Groups.Select(g => $"{user.Account.RepositoryName}\\{g}").ToList(),
            Roles = user.Roles,
            Created = now,
            LastUsed = now,
        };
        await sessions.AddAsync(session, cancellationToken);
        return session;
    }

    /// <summary>
    /// The live session, refreshed; otherwise the 434 outcome: unknown vs expired or logged out. With
    /// <paramref name="endpointId"/>, another endpoint's session counts as unknown (ids do not leak
    /// across endpoints) and is left untouched.
    /// </summary>
    public async Task<(LoginSession? Session, Outcome? Error)> UseAsync(string? id, CancellationToken cancellationToken, string? endpointId = null)
    {
        if (string.IsNullOrEmpty(id)) return (null, Outcomes.LoginSessionNotFound);
        var session = await sessions.GetAsync(id, cancellationToken);
        if (session is null || (endpointId is not null && session.EndpointId != endpointId)) return (null, Outcomes.LoginSessionNotFound);
        if (session.EndedAt is not null) return (null, Outcomes.LoginSessionExpired);
        var now = time.GetUtcNow();
        if (now >= ExpiresAt(session))
        {
            await sessions.EndAsync(id, now, cancellationToken);
            return (null, Outcomes.LoginSessionExpired);
        }
        await sessions.TouchAsync(id, now, cancellationToken);
        return (session with { LastUsed = now }, null);
    }

    public async Task<bool> EndAsync(string id, CancellationToken cancellationToken) =>
        await sessions.EndAsync(id, time.GetUtcNow(), cancellationToken);

    /// <summary>Ends every login session of a user ("delete me").</summary>
    public Task EndAllOfUserAsync(string userId, CancellationToken cancellationToken) =>
        sessions.EndByUserAsync(userId, time.GetUtcNow(), cancellationToken);

    public DateTimeOffset ExpiresAt(LoginSession session)
    {
        var policy = configuration.Current.Policies.Sessions;
        var idle = session.LastUsed.AddSeconds(policy.LoginSessionIdleTimeout);
        var max = session.Created.AddSeconds(policy.LoginSessionMaxLifetime);
        return idle < max ? idle : max;
    }
}
