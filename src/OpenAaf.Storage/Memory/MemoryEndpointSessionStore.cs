using System.Collections.Concurrent;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>Endpoint sessions of a single node, lost on restart (operations.md allows this for sqlite).</summary>
internal sealed class MemoryEndpointSessionStore : IEndpointSessionStore
{
    private readonly ConcurrentDictionary<string, EndpointSession> _sessions = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">the id is taken</exception>
    public Task AddAsync(EndpointSession session, CancellationToken cancellationToken)
    {
        if (!_sessions.TryAdd(session.Id, session))
        {
            throw new InvalidOperationException("An endpoint session with this id exists already.");
        }
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

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.TryRemove(id, out _));

    public Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        foreach (var pair in _sessions)
        {
            if (pair.Value.EndpointId == endpointId)
            {
                _sessions.TryRemove(pair);
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
                _sessions.TryRemove(pair);
            }
        }
        return Task.CompletedTask;
    }
}
