using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// An LDAP or Active Directory repository: look-ups as the service account (<see cref="ServiceSearcher"/>,
/// remembered briefly in a <see cref="LookupCache"/>), password checks as binds on pooled user-bind
/// connections (<see cref="UserBinder"/>), failover across the configured URLs, and a per-repository cap
/// on concurrent directory work (<see cref="DirectoryWorkQueue"/>). Also remembers whether its last
/// directory call reached a server, for the readiness report.
/// </summary>
internal sealed class LdapUserDirectory : IUserDirectory, IDisposable
{
    private readonly ServiceSearcher _searcher;
    private readonly UserBinder _binder;
    private readonly DirectoryWorkQueue _queue;
    private readonly LookupCache _cache;
    private readonly TimeProvider _time;
    private readonly Action? _onDisposed;
    private readonly bool _activeDirectory;
    private DirectoryReachability _reachability = DirectoryReachability.Unknown;
    private int _disposed;

    public LdapUserDirectory(RepositoryDefinition repository, ILogger? log = null, TimeProvider? time = null,
        TimeSpan? deadServerMemory = null, Action? onDisposed = null)
    {
        if (!repository.IsDirectory) throw new ArgumentException("Not an LDAP/AD repository.", nameof(repository));
        if (repository.Urls.Count == 0) throw new ArgumentException($"Repository {repository.Name} has no URL.", nameof(repository));
        // Without the timeout mechanism the first directory that never answers would hang its callers.
        if (DirectoryStackCheck.Problem() is { } problem) throw new PlatformNotSupportedException(problem);
        Repository = repository;
        _time = time ?? TimeProvider.System;
        _onDisposed = onDisposed;
        var logger = log ?? NullLogger.Instance;
        _activeDirectory = repository.Kind == RepositoryKind.ActiveDirectory;
        var connector = new LdapConnector(repository);
        var health = new ServerHealth(repository.Urls.Select(LdapServerUrl.Parse).ToArray(), deadServerMemory ?? TimeSpan.FromSeconds(30), _time);
        _searcher = new ServiceSearcher(repository, connector, health, _time, logger);
        _binder = new UserBinder(repository, connector, health, _time, logger);
        _queue = new DirectoryWorkQueue(Math.Max(1, repository.MaxConcurrency), repository.Name);
        _cache = new LookupCache(TimeSpan.FromSeconds(Math.Max(0, repository.LookupCacheSeconds)), LookupCache.DefaultCapacity, _time);
    }

    public RepositoryDefinition Repository { get; }

    public DirectoryReachability Reachability => Volatile.Read(ref _reachability);

    /// <summary>For tests: the highest number of directory operations seen running at once.</summary>
    internal int PeakConcurrency => _queue.PeakConcurrency;

    /// <summary>For tests: idle pooled service-account connections.</summary>
    internal int IdleConnections => _searcher.IdleConnections;

    /// <summary>For tests: idle pooled user-bind connections.</summary>
    internal int IdleBindConnections => _binder.IdleConnections;

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal LookupCache Cache => _cache;

    public ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(loginName)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync("login\u001f" + loginName, LdapFilter.Substitute(Repository.EffectiveUserFilter, loginName), loginName, cancellationToken);
    }

    public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(upn)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync("upn\u001f" + upn, "(userPrincipalName=" + LdapFilter.Escape(upn) + ")", null, cancellationToken);
    }

    public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken)
    {
        // Validated before it goes near a filter: 32 hex digits or nothing.
        if (!ObjectIds.IsValid(objectId)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync(ObjectIdKey(objectId), ObjectIds.Filter(objectId, _activeDirectory), null, cancellationToken);
    }

    public async ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken)
    {
        // An empty password would be an "unauthenticated bind", which many servers accept (RFC 4513 §5.1.2).
        if (string.IsNullOrEmpty(password)) return PasswordCheck.Wrong;
        if (string.IsNullOrEmpty(user.DistinguishedName)) return PasswordCheck.Wrong;
        var dn = user.DistinguishedName;
        return await Tracked(_queue.RunAsync(() => _binder.Bind(dn, password), cancellationToken)).ConfigureAwait(false);
    }

    private ValueTask<DirectoryLookup> FindAsync(string key, string filter, string? loginName, CancellationToken cancellationToken)
    {
        // A hit answers without a hand-off to a directory thread.
        if (_cache.TryGet(key, out var remembered)) return ValueTask.FromResult(DirectoryLookup.Found(remembered));
        return SearchAsync(key, filter, loginName, cancellationToken);
    }

    private async ValueTask<DirectoryLookup> SearchAsync(string key, string filter, string? loginName, CancellationToken cancellationToken)
    {
        var lookup = await Tracked(_queue.RunAsync(() => _searcher.Find(filter, loginName), cancellationToken)).ConfigureAwait(false);
        if (lookup.User is { } user && !IsDisposed)
        {
            _cache.Add(key, user);
            // The next steps of a logon re-read the account by its object id.
            _cache.Add(ObjectIdKey(user.ObjectId), user);
        }
        return lookup;
    }

    private static string ObjectIdKey(string objectId) => "id\u001f" + objectId.ToLowerInvariant();

    /// <summary>Records whether the call reached a directory server.</summary>
    private async Task<T> Tracked<T>(Task<T> call)
    {
        try
        {
            var result = await call.ConfigureAwait(false);
            if (Volatile.Read(ref _reachability).State != ReachabilityState.Reachable)
                Volatile.Write(ref _reachability, Volatile.Read(ref _reachability) with { State = ReachabilityState.Reachable });
            return result;
        }
        catch (DirectoryUnavailableException)
        {
            Volatile.Write(ref _reachability, new DirectoryReachability(ReachabilityState.Unreachable, _time.GetUtcNow()));
            throw;
        }
    }

    /// <summary>
    /// Stops the directory threads and closes the idle connections. Calls already accepted finish;
    /// a later call still works (on the thread pool, fresh connections closed afterwards), so a
    /// request that took this directory just before its configuration changed gets its answer.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Dispose();
        _searcher.Dispose();
        _binder.Dispose();
        _cache.Clear();
        _onDisposed?.Invoke();
    }
}
