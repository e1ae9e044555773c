using System.Collections.Concurrent;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Storage.Memory;

/// <summary>Enroll processes of a single node, lost on restart like logon processes.</summary>
internal sealed class MemoryEnrollProcessStore : IEnrollProcessStore
{
    private readonly ConcurrentDictionary<string, EnrollProcess> _processes = new(StringComparer.Ordinal);

    public Task AddAsync(EnrollProcess process, CancellationToken cancellationToken)
    {
        if (!_processes.TryAdd(process.Id, process)) throw new InvalidOperationException("An enroll process with this id exists already.");
        return Task.CompletedTask;
    }

    public Task<EnrollProcess?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_processes.GetValueOrDefault(id));

    /// <summary>Compare-and-set on Version, exactly as <see cref="MemoryLogonProcessStore.TryUpdateAsync"/>.</summary>
    public Task<bool> TryUpdateAsync(EnrollProcess process, long expectedVersion, CancellationToken cancellationToken)
    {
        var next = process with { Version = expectedVersion + 1 };
        while (_processes.TryGetValue(process.Id, out var current) && current.Version == expectedVersion)
            if (_processes.TryUpdate(process.Id, next, current)) return Task.FromResult(true);
        return Task.FromResult(false);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_processes.TryRemove(id, out _));

    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        foreach (var (id, process) in _processes)
            if (process.LastUsed < idleBefore || process.Created < createdBefore) _processes.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
