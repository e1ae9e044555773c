using System.Collections.Concurrent;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>
/// Logon processes of a single node, and the records of those that ended, lost on restart (operations.md allows this
/// for sqlite). An ended record is written before its process is removed, so a reader sees one or the other.
/// </summary>
/// <param name="maxEnded">
/// How many ended records are kept at most. They only make a late DELETE idempotent (api.md §5.5), so past the bound the
/// oldest are forgotten (a DELETE of one answers 444): a busy node or a client that starts and ends processes quickly
/// must not grow the memory for a whole process lifetime (2,000 logons/s × 30 min would be 3.6 million records).
/// </param>
internal sealed class MemoryLogonProcessStore(int maxEnded = MemoryLogonProcessStore.DefaultMaxEnded) : ILogonProcessStore
{
    public const int DefaultMaxEnded = 100_000;

    private readonly ConcurrentDictionary<string, LogonProcess> _processes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EndedLogonProcess> _ended = new(StringComparer.Ordinal);
    // Ids in the order they ended; may hold ids pruned meanwhile, and is cut to the bound with the records.
    private readonly ConcurrentQueue<string> _endedOrder = new();
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

    public int Count => _processes.Count;

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

    public Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_processes.TryGetValue(id, out var process))
        {
            return Task.FromResult(false);
        }
        Remember(EndedLogonProcess.Of(process, now));
        return Task.FromResult(Remove(id));
    }

    public Task<EndedLogonProcess?> FindEndedAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_ended.GetValueOrDefault(id));

    public Task RemoveByEndpointSessionAsync(string endpointSessionId, CancellationToken cancellationToken)
    {
        RemoveWhere(p => p.EndpointSessionId == endpointSessionId, e => e.EndpointSessionId == endpointSessionId);
        return Task.CompletedTask;
    }

    public Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        RemoveWhere(p => p.EndpointId == endpointId, e => e.EndpointId == endpointId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends the processes last used before <paramref name="idleBefore"/> or created before <paramref name="createdBefore"/>,
    /// and forgets the ended ones older than a process lifetime.
    /// </summary>
    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        foreach (var pair in _processes)
        {
            if (pair.Value.LastUsed < idleBefore || pair.Value.Created < createdBefore)
            {
                Remember(EndedLogonProcess.Of(pair.Value, pair.Value.LastUsed));
                Remove(pair);
            }
        }
        foreach (var pair in _ended)
        {
            if (pair.Value.Ended < createdBefore)
            {
                _ended.TryRemove(pair);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken) =>
        Task.FromResult(_counts.Of(endpointId));

    private void Remember(EndedLogonProcess ended)
    {
        _ended[ended.Id] = ended;
        _endedOrder.Enqueue(ended.Id);
        while (_endedOrder.Count > maxEnded && _endedOrder.TryDequeue(out var oldest))
        {
            _ended.TryRemove(oldest, out _);
        }
    }

    private void RemoveWhere(Func<LogonProcess, bool> process, Func<EndedLogonProcess, bool> ended)
    {
        foreach (var pair in _processes)
        {
            if (process(pair.Value))
            {
                Remove(pair.Key);
            }
        }
        foreach (var pair in _ended)
        {
            if (ended(pair.Value))
            {
                _ended.TryRemove(pair.Key, out _);
            }
        }
    }

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
