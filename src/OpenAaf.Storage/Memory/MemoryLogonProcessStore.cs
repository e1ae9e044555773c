using System.Collections.Concurrent;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>Logon processes of a single node, lost on restart (operations.md allows this for sqlite).</summary>
internal sealed class MemoryLogonProcessStore : ILogonProcessStore
{
    private readonly ConcurrentDictionary<string, LogonProcess> _processes = new(StringComparer.Ordinal);
    private readonly EndpointCounts _counts = new();

    /// <summary>Stores the process as given (its Version is the starting version, normally 0).</summary>
    /// <exception cref="InvalidOperationException">the id is taken</exception>
    public Task AddAsync(LogonProcess process, CancellationToken cancellationToken)
    {
        if (!_processes.TryAdd(process.Id, process))
        {
            throw new InvalidOperationException("A logon process with this id exists already.");
        }
        _counts.Added(process.EndpointId);
        return Task.CompletedTask;
    }

    public Task<LogonProcess?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_processes.GetValueOrDefault(id));

    /// <summary>
    /// Compare-and-set. The caller passes the new state and the Version of the copy it read; when the stored
    /// Version still equals <paramref name="expectedVersion"/>, the stored process becomes
    /// <c>process with { Version = expectedVersion + 1 }</c> and the call returns true. Otherwise (gone, or another
    /// call won) nothing changes and it returns false. Of N concurrent calls with the same expected version,
    /// exactly one wins.
    /// </summary>
    public Task<bool> TryUpdateAsync(LogonProcess process, long expectedVersion, CancellationToken cancellationToken)
    {
        var next = process with { Version = expectedVersion + 1 };
        while (_processes.TryGetValue(process.Id, out var current) && current.Version == expectedVersion)
        {
            // Note: TryUpdate compares by record equality; a value equal to `current` has the expected Version,
            // and every successful update changes the Version, so this is a compare-and-set on Version.
            if (_processes.TryUpdate(process.Id, next, current))
            {
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Remove(id));

    public Task RemoveByEndpointSessionAsync(string endpointSessionId, CancellationToken cancellationToken)
    {
        foreach (var pair in _processes)
        {
            if (pair.Value.EndpointSessionId == endpointSessionId)
            {
                Remove(pair.Key);
            }
        }
        return Task.CompletedTask;
    }

    public Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        foreach (var pair in _processes)
        {
            if (pair.Value.EndpointId == endpointId)
            {
                Remove(pair.Key);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes the processes last used before <paramref name="idleBefore"/> or created before <paramref name="createdBefore"/>.</summary>
    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        foreach (var pair in _processes)
        {
            if (pair.Value.LastUsed < idleBefore || pair.Value.Created < createdBefore)
            {
                Remove(pair);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken) =>
        Task.FromResult(_counts.Of(endpointId));

    /// <summary>Removes the process if it is still the value seen: a process used meanwhile survives this round of pruning.</summary>
    private void Remove(KeyValuePair<string, LogonProcess> pair)
    {
        if (_processes.TryRemove(pair))
        {
            _counts.Removed(pair.Value.EndpointId);
        }
    }

    private bool Remove(string id)
    {
        if (!_processes.TryRemove(id, out var removed))
        {
            return false;
        }
        _counts.Removed(removed.EndpointId);
        return true;
    }
}
