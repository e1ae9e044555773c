using System.Collections.Concurrent;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>Endpoint sessions of a single node, lost on restart (operations.md allows this for sqlite).</summary>
internal sealed class MemoryEndpointSessionStore : IEndpointSessionStore
{
    private readonly ConcurrentDictionary<string, EndpointSession> _sessions = new(StringComparer.Ordinal);
    private readonly EndpointCounts _counts = new();

    /// <exception cref="InvalidOperationException">the id is taken</exception>
    public Task AddAsync(EndpointSession session, CancellationToken cancellationToken)
    {
        if (!_sessions.TryAdd(session.Id, session))
        {
            throw new InvalidOperationException("An endpoint session with this id exists already.");
        }
        _counts.Added(session.EndpointId);
        return Task.CompletedTask;
    }

    public int Count => _sessions.Count;

    public Task<EndpointSession?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.GetValueOrDefault(id));

    /// <summary>Sets LastUsed to <paramref name="now"/> unless it is later already; unknown ids are ignored.</summary>
    public Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_sessions.TryGetValue(id, out var current) && current.LastUsed < now)
        {
            if (_sessions.TryUpdate(id, current with { LastUsed = now }, current))
            {
                break;
            }
        }
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Remove(id));

    public Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        foreach (var pair in _sessions)
        {
            if (pair.Value.EndpointId == endpointId)
            {
                // Note: by key, so that a session touched meanwhile is removed too.
                Remove(pair.Key);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes the sessions last used before <paramref name="idleBefore"/> or created before <paramref name="createdBefore"/>.</summary>
    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        foreach (var pair in _sessions)
        {
            if (pair.Value.LastUsed < idleBefore || pair.Value.Created < createdBefore)
            {
                // Note: removes only the value seen, so a session touched meanwhile survives this round.
                Remove(pair);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken) =>
        Task.FromResult(_counts.Of(endpointId));

    /// <summary>A scan of all sessions: it runs only when an endpoint is at its cap.</summary>
    public Task<EndpointSession?> LeastRecentlyUsedAsync(string endpointId, CancellationToken cancellationToken)
    {
        EndpointSession? oldest = null;
        foreach (var (_, session) in _sessions)
        {
            if (session.EndpointId == endpointId && (oldest is null || session.LastUsed < oldest.LastUsed))
            {
                oldest = session;
            }
        }
        return Task.FromResult(oldest);
    }

    private void Remove(KeyValuePair<string, EndpointSession> pair)
    {
        if (_sessions.TryRemove(pair))
        {
            _counts.Removed(pair.Value.EndpointId);
        }
    }

    private bool Remove(string id)
    {
        if (!_sessions.TryRemove(id, out var removed))
        {
            return false;
        }
        _counts.Removed(removed.EndpointId);
        return true;
    }
}
