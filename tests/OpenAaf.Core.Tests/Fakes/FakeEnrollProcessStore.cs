using System.Collections.Concurrent;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Tests.Fakes;

public sealed class FakeEnrollProcessStore : IEnrollProcessStore
{
    private readonly ConcurrentDictionary<string, EnrollProcess> _processes = new();
    private readonly Lock _gate = new();

    public Task AddAsync(EnrollProcess process, CancellationToken cancellationToken)
    {
        _processes[process.Id] = process;
        return Task.CompletedTask;
    }

    public Task<EnrollProcess?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_processes.GetValueOrDefault(id));

    public Task<bool> TryUpdateAsync(EnrollProcess process, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_processes.TryGetValue(process.Id, out var stored) || stored.Version != expectedVersion) return Task.FromResult(false);
            _processes[process.Id] = process with { Version = expectedVersion + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_processes.TryRemove(id, out _));

    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken) => Task.CompletedTask;
}
