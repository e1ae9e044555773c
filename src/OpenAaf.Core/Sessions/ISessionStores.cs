using OpenAaf.Core.Logon;

namespace OpenAaf.Core.Sessions;

public interface IEndpointSessionStore
{
    Task AddAsync(EndpointSession session, CancellationToken cancellationToken);
    Task<EndpointSession?> GetAsync(string id, CancellationToken cancellationToken);
    Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
    Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken);
    Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken);
    /// <summary>Sessions held now, for the metrics gauge: cheap (no I/O), read at every scrape.</summary>
    int Count { get; }
    /// <summary>How many sessions of the endpoint are stored (the per-endpoint cap of SessionOptions).</summary>
    Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken);
    /// <summary>The endpoint's session used least recently (oldest LastUsed), or null when it has none.</summary>
    Task<EndpointSession?> LeastRecentlyUsedAsync(string endpointId, CancellationToken cancellationToken);
}

public interface ILogonProcessStore
{
    Task AddAsync(LogonProcess process, CancellationToken cancellationToken);
    Task<LogonProcess?> GetAsync(string id, CancellationToken cancellationToken);
    /// <summary>
    /// Replaces the process if its stored version is still <paramref name="expectedVersion"/> (the Version of the copy
    /// the caller read); the stored process becomes <paramref name="process"/> with Version = expectedVersion + 1
    /// (process.Version is ignored). False when the process is gone or another call updated it first.
    /// </summary>
    Task<bool> TryUpdateAsync(LogonProcess process, long expectedVersion, CancellationToken cancellationToken);
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
    /// <summary>
    /// Ends the process: it is removed and an <see cref="EndedLogonProcess"/> ended at <paramref name="now"/> is kept in its
    /// place until pruned. False when there was no such process.
    /// </summary>
    Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>The record of an ended process, until it is pruned; null for an id that never existed (or was pruned).</summary>
    Task<EndedLogonProcess?> FindEndedAsync(string id, CancellationToken cancellationToken);
    /// <summary>Removes the session's processes and their ended records (the session is gone, so nobody can ask).</summary>
    Task RemoveByEndpointSessionAsync(string endpointSessionId, CancellationToken cancellationToken);
    /// <summary>Removes the endpoint's processes and their ended records.</summary>
    Task RemoveByEndpointAsync(string endpointId, CancellationToken cancellationToken);
    /// <summary>
    /// Ends the processes last used before <paramref name="idleBefore"/> or created before <paramref name="createdBefore"/>
    /// (their ended records carry the time they were last used), and forgets ended records whose end is before
    /// <paramref name="createdBefore"/>: an ended process is remembered for the maximum lifetime of a process.
    /// </summary>
    Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken);
    /// <summary>Processes held now, for the metrics gauge: cheap (no I/O), read at every scrape.</summary>
    int Count { get; }
    /// <summary>How many logon processes of the endpoint are stored (the per-endpoint cap of SessionOptions).</summary>
    Task<int> CountByEndpointAsync(string endpointId, CancellationToken cancellationToken);
}

public interface ILoginSessionStore
{
    Task AddAsync(LoginSession session, CancellationToken cancellationToken);
    Task<LoginSession?> GetAsync(string id, CancellationToken cancellationToken);
    Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>Marks the session ended (kept as a tombstone); false if unknown.</summary>
    Task<bool> EndAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
    Task EndByEndpointAsync(string endpointId, DateTimeOffset now, CancellationToken cancellationToken);
    Task EndByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>
    /// Ends (as tombstones at <paramref name="now"/>) the sessions idle since before <paramref name="idleBefore"/>
    /// or created before <paramref name="createdBefore"/>, so that sessions nobody logs out are pruned too.
    /// </summary>
    Task ExpireAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>Removes tombstones ended before <paramref name="endedBefore"/>.</summary>
    Task PruneAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken);
    /// <summary>Sessions not ended (tombstones excluded), for the metrics gauge: cheap (no I/O), read at every scrape.</summary>
    int ActiveCount { get; }
}

/// <summary>
/// Serialises calls on one logon process, enroll process or login session (api.md §1.7).
/// In memory for a single node; a database lock where several nodes share the state.
/// </summary>
public interface IObjectLock
{
    /// <summary>Null when the lock could not be taken within <paramref name="timeout"/>.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan timeout, CancellationToken cancellationToken);
}
