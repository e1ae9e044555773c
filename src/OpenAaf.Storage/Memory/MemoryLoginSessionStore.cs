using System.Collections.Concurrent;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>
/// Login sessions of a single node. An ended session stays as a tombstone (EndedAt set, still returned by
/// <see cref="GetAsync"/>) until <see cref="PruneAsync"/> removes it, so that callers can answer "expired" (api.md §5.11).
/// </summary>
internal sealed class MemoryLoginSessionStore : ILoginSessionStore
{
    private readonly ConcurrentDictionary<string, LoginSession> _sessions = new(StringComparer.Ordinal);
    // Sessions without EndedAt: changed only by the add or the compare-and-set that sets EndedAt, so it stays exact.
    private int _active;

    public int ActiveCount => Volatile.Read(ref _active);

    /// <exception cref="InvalidOperationException">the id is taken</exception>
    public Task AddAsync(LoginSession session, CancellationToken cancellationToken)
    {
        if (!_sessions.TryAdd(session.Id, session))
        {
            throw new InvalidOperationException("A login session with this id exists already.");
        }
        if (session.EndedAt is null) Interlocked.Increment(ref _active);
        return Task.CompletedTask;
    }

    /// <summary>The session, a tombstone (EndedAt set) or null.</summary>
    public Task<LoginSession?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.GetValueOrDefault(id));

    /// <summary>Sets LastUsed to <paramref name="now"/> unless it is later already; tombstones are left alone.</summary>
    public Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_sessions.TryGetValue(id, out var current) && current.EndedAt is null && current.LastUsed < now)
        {
            if (_sessions.TryUpdate(id, current with { LastUsed = now }, current))
            {
                break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>True if the session is known (an ended one keeps its first EndedAt); false if unknown.</summary>
    public Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_sessions.TryGetValue(id, out var current))
        {
            if (current.EndedAt is not null) return Task.FromResult(true);
            if (_sessions.TryUpdate(id, current with { EndedAt = now }, current))
            {
                Interlocked.Decrement(ref _active);
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public Task EndByEndpointAsync(string endpointId, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndWhere(session => session.EndpointId == endpointId, now);

    public Task EndByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndWhere(session => string.Equals(session.UserId, userId, StringComparison.OrdinalIgnoreCase), now);

    public Task ExpireAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndWhere(session => session.LastUsed < idleBefore || session.Created < createdBefore, now);

    public Task PruneAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        foreach (var pair in _sessions)
        {
            if (pair.Value.EndedAt is { } ended && ended < endedBefore)
            {
                _sessions.TryRemove(pair);
            }
        }
        return Task.CompletedTask;
    }

    private Task EndWhere(Func<LoginSession, bool> predicate, DateTimeOffset now)
    {
        foreach (var pair in _sessions)
        {
            // Retried per session, so that a session touched meanwhile is still ended.
            while (_sessions.TryGetValue(pair.Key, out var current) && current.EndedAt is null && predicate(current))
            {
                if (_sessions.TryUpdate(pair.Key, current with { EndedAt = now }, current))
                {
                    Interlocked.Decrement(ref _active);
                    break;
                }
            }
        }
        return Task.CompletedTask;
    }
}
