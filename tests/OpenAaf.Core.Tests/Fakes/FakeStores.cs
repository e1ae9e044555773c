using System.Collections.Concurrent;
using OpenAaf.Core.Auditing;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Fakes;

// Hand-written in-memory stores: enough behaviour for domain tests; the real ones are tested in Storage.Tests.
// Like the SQLite stores, the durable ones and the process store refuse work once the caller's token is cancelled,
// so that a test sees what a real store does to a write made with a cancelled token.

public sealed class FakeUserStore : IUserStore
{
    private readonly ConcurrentDictionary<(string, string), UserRecord> _users = new();
    private readonly ConcurrentDictionary<string, LocalUser> _local = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> GetOrCreateUserIdAsync(string repositoryId, string objectId, string loginName, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetOrAdd((repositoryId, objectId), _ => new UserRecord(RandomIds.NewHexId(), repositoryId, objectId, loginName)).UserId);

    public Task<UserRecord?> FindUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Values.FirstOrDefault(u => u.UserId == userId));

    public Task<LocalUser?> FindLocalUserAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_local.GetValueOrDefault(name));

    public Task<LocalUser> UpsertLocalUserAsync(LocalUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_local.AddOrUpdate(user.Name, user, (_, old) => user with { ObjectId = old.ObjectId }));
}

public sealed class FakeTemplateStore : ITemplateStore
{
    private readonly ConcurrentDictionary<string, Template> _templates = new();
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<Template>> ListAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Template>>(_templates.Values.Where(t => t.UserId == userId).ToList());

    public Task<Template?> GetAsync(string templateId, CancellationToken cancellationToken) =>
        Task.FromResult(_templates.GetValueOrDefault(templateId));

    public Task<bool> TryAddAsync(Template template, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_templates.Values.Any(t => t.UserId == template.UserId && t.MethodId == template.MethodId && t.CategoryId == template.CategoryId))
                return Task.FromResult(false);
            _templates[template.Id] = template;
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryUpdateAsync(Template template, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_templates.TryGetValue(template.Id, out var stored) || stored.Version != expectedVersion) return Task.FromResult(false);
            _templates[template.Id] = template with { Version = expectedVersion + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string templateId, CancellationToken cancellationToken) =>
        Task.FromResult(_templates.TryRemove(templateId, out _));
}

public sealed class FakeLockoutStore : ILockoutStore
{
    private readonly Dictionary<string, LockoutState> _states = new();
    private readonly Dictionary<(string User, string Id), DateTimeOffset> _reservations = new();
    private readonly Lock _gate = new();

    public Task<LockoutState> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(At(userId, now));
    }

    public Task<LockoutState> RecordFailureAsync(string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(Fail(userId, now, threshold, lockedUntil));
    }

    public Task<bool> TryReserveAsync(string userId, string reservationId, DateTimeOffset now, DateTimeOffset expiresAt, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var expired in _reservations.Where(r => r.Key.User == userId && r.Value <= now).ToList())
            {
                _reservations.Remove(expired.Key);
                Fail(userId, now, threshold, lockedUntil);
            }
            var state = At(userId, now);
            if (state.Locked || state.Failures + _reservations.Keys.Count(k => k.User == userId) >= threshold) return Task.FromResult(false);
            _reservations[(userId, reservationId)] = expiresAt;
            return Task.FromResult(true);
        }
    }

    public Task<LockoutState> EndReservationAsync(string userId, string reservationId, bool failed, DateTimeOffset now, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_reservations.Remove((userId, reservationId), out var expires) || !(failed || expires <= now))
                return Task.FromResult(At(userId, now));
            return Task.FromResult(Fail(userId, now, threshold, lockedUntil));
        }
    }

    public Task ResetAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _states.Remove(userId);
        return Task.CompletedTask;
    }

    private LockoutState At(string userId, DateTimeOffset now)
    {
        var state = _states.GetValueOrDefault(userId) ?? LockoutState.Clear;
        return state.Locked && state.LockedUntil <= now ? LockoutState.Clear : state;
    }

    private LockoutState Fail(string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil)
    {
        var state = At(userId, now);
        if (state.Locked) return state;
        var failures = state.Failures + 1;
        var next = failures >= threshold
            ? new LockoutState(failures, true, lockedUntil, now)
            : new LockoutState(failures, false, null, now);
        _states[userId] = next;
        return next;
    }
}

public sealed class FakeAuditSink : IAuditSink
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();

    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Records.Enqueue(record);
        return Task.CompletedTask;
    }
}

public sealed class FakeLogonProcessStore : ILogonProcessStore
{
    private readonly ConcurrentDictionary<string, LogonProcess> _processes = new();
    private readonly ConcurrentDictionary<string, EndedLogonProcess> _ended = new();
    private readonly Lock _gate = new();

    public Task AddAsync(LogonProcess process, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _processes[process.Id] = process;
        return Task.CompletedTask;
    }

    public Task<LogonProcess?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_processes.GetValueOrDefault(id));

    public Task<bool> TryUpdateAsync(LogonProcess process, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_processes.TryGetValue(process.Id, out var stored) || stored.Version != expectedVersion) return Task.FromResult(false);
            _processes[process.Id] = process with { Version = expectedVersion + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_processes.TryRemove(id, out _));
    }

    public Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_processes.TryRemove(id, out var process)) return Task.FromResult(false);
        _ended[id] = EndedLogonProcess.Of(process, now);
        return Task.FromResult(true);
    }

    public Task<EndedLogonProcess?> FindEndedAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_ended.GetValueOrDefault(id));

    public Task RemoveByEndpointSessionAsync(string endpointSessionId, CancellationToken cancellationToken)
    {
        foreach (var p in _processes.Values.Where(p => p.EndpointSessionId == endpointSessionId)) _processes.TryRemove(p.Id, out _);
        return Task.CompletedTask;
    }

    public Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        foreach (var p in _processes.Values.Where(p => p.EndpointId == endpointId)) _processes.TryRemove(p.Id, out _);
        return Task.CompletedTask;
    }

    public Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken) => Task.CompletedTask;

    public int Count => _processes.Count;

    public Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken) =>
        Task.FromResult(_processes.Values.Count(p => p.EndpointId == endpointId));
}

public sealed class FakeLoginSessionStore : ILoginSessionStore
{
    private readonly ConcurrentDictionary<string, LoginSession> _sessions = new();

    public Task AddAsync(LoginSession session, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _sessions[session.Id] = session;
        return Task.CompletedTask;
    }

    public Task<LoginSession?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_sessions.GetValueOrDefault(id));

    public Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(id, out var s)) _sessions[id] = s with { LastUsed = now };
        return Task.CompletedTask;
    }

    public Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(id, out var s)) return Task.FromResult(false);
        _sessions[id] = s with { EndedAt = now };
        return Task.FromResult(true);
    }

    public Task EndByEndpointAsync(string endpointId, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExpireAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task PruneAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken) => Task.CompletedTask;

    public int ActiveCount => _sessions.Values.Count(s => s.EndedAt is null);
}

public sealed class FakeObjectLock : IObjectLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(timeout, cancellationToken) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
