using System.DirectoryServices.Protocols;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// An LDAP or Active Directory repository: service-account searches (pooled connections), user
/// binds on fresh connections, failover across the configured URLs, and a per-repository cap on
/// concurrent directory work (see <see cref="DirectoryWorkQueue"/>).
/// </summary>
internal sealed class LdapUserDirectory : IUserDirectory, IDisposable
{
    private readonly LdapConnector _connector;
    private readonly ServerHealth _health;
    private readonly ServiceConnectionPool _pool;
    private readonly DirectoryWorkQueue _queue;
    private readonly GroupResolver _groups;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly string[] _userAttributes;
    private readonly IReadOnlyList<string> _filterAttributes;
    private readonly bool _activeDirectory;
    private readonly bool _usePolicyBind;

    public LdapUserDirectory(RepositoryDefinition repository, ILogger? log = null, TimeProvider? time = null, TimeSpan? deadServerMemory = null)
    {
        if (!repository.IsDirectory) throw new ArgumentException("Not an LDAP/AD repository.", nameof(repository));
        if (repository.Urls.Count == 0) throw new ArgumentException($"Repository {repository.Name} has no URL.", nameof(repository));
        Repository = repository;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
        _activeDirectory = repository.Kind == RepositoryKind.ActiveDirectory;
        // OpenLDAP reports locked/expired/reset passwords only through the ppolicy response
        // control, which S.DS.P cannot request; AD puts its sub-code in the diagnostic text.
        _usePolicyBind = !_activeDirectory && PolicyBind.Available;
        if (!LibLdap.Available)
            _log.LogWarning("libldap options are not reachable: directory calls to a server that hangs will not time out");
        _connector = new LdapConnector(repository);
        _health = new ServerHealth(repository.Urls.Select(LdapServerUrl.Parse).ToArray(), deadServerMemory ?? TimeSpan.FromSeconds(30), _time);
        var cap = Math.Max(1, repository.MaxConcurrency);
        _pool = new ServiceConnectionPool(cap, _time);
        _queue = new DirectoryWorkQueue(cap, repository.Name);
        _groups = new GroupResolver(repository.GroupAttribute, _time);
        _filterAttributes = LdapFilter.PlaceholderAttributes(repository.EffectiveUserFilter);
        _userAttributes = new[]
            {
                "sAMAccountName", "uid", "userPrincipalName", "objectSid", "objectGUID", "entryUUID", "cn", "givenName",
                repository.MailAttribute, repository.MobileAttribute, repository.GroupAttribute,
            }
            .Concat(_filterAttributes)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public RepositoryDefinition Repository { get; }

    /// <summary>For tests: the highest number of directory operations seen running at once.</summary>
    internal int PeakConcurrency => _queue.PeakConcurrency;

    /// <summary>For tests: idle pooled service connections.</summary>
    internal int IdleConnections => _pool.IdleCount;

    internal int IdleBindConnections => 0;

    internal bool IsDisposed { get; private set; }

    public ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(loginName)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync(LdapFilter.Substitute(Repository.EffectiveUserFilter, loginName), loginName, cancellationToken);
    }

    public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(upn)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync("(userPrincipalName=" + LdapFilter.Escape(upn) + ")", null, cancellationToken);
    }

    public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken)
    {
        // Validated before it goes near a filter: 32 hex digits or nothing.
        if (!ObjectIds.IsValid(objectId)) return ValueTask.FromResult(DirectoryLookup.NotFound);
        return FindAsync(ObjectIds.Filter(objectId, _activeDirectory), null, cancellationToken);
    }

    public async ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken)
    {
        // An empty password would be an "unauthenticated bind", which many servers accept (RFC 4513 §5.1.2).
        if (string.IsNullOrEmpty(password)) return PasswordCheck.Wrong;
        if (string.IsNullOrEmpty(user.DistinguishedName)) return PasswordCheck.Wrong;
        return await _queue.RunAsync(() => BindAsUser(user.DistinguishedName, password), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<DirectoryLookup> FindAsync(string filter, string? loginName, CancellationToken cancellationToken) =>
        await _queue.RunAsync(() => WithServiceConnection(connection => Find(connection, filter, loginName)), cancellationToken)
            .ConfigureAwait(false);

    private DirectoryLookup Find(ServiceConnection connection, string filter, string? loginName)
    {
        var request = new SearchRequest(Repository.BaseDn, filter, SearchScope.Subtree, _userAttributes)
        {
            SizeLimit = 2, // two are enough to know it is ambiguous
            TimeLimit = _connector.Timeout,
        };
        SearchResponse response;
        try
        {
            response = Search(connection, request);
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.SizeLimitExceeded)
        {
            return DirectoryLookup.Ambiguous;
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            // The base DN does not exist: a configuration error, not an unknown user.
            throw new DirectoryUnavailableException($"Repository {Repository.Name}: base DN '{Repository.BaseDn}' does not exist.", e);
        }
        var entries = response.Entries.Cast<SearchResultEntry>().ToList();
        if (entries.Count > 1) return DirectoryLookup.Ambiguous;
        if (entries.Count == 0) return DirectoryLookup.NotFound;
        var user = Map(connection, entries[0], loginName);
        return user is null ? DirectoryLookup.NotFound : DirectoryLookup.Found(user);
    }

    private DirectoryUser? Map(ServiceConnection connection, SearchResultEntry entry, string? loginName)
    {
        var guid = EntryAttributes.Bytes(entry, "objectGUID");
        var objectId = guid is { Length: 16 } ? ObjectIds.FromGuidBytes(guid)
            : EntryAttributes.String(entry, "entryUUID") is { } uuid ? ObjectIds.FromEntryUuid(uuid) : null;
        if (objectId is null)
        {
            _log.LogWarning("Repository {Repository}: entry {Dn} has neither objectGUID nor entryUUID; ignored", Repository.Name, entry.DistinguishedName);
            return null;
        }
        return new DirectoryUser
        {
            RepositoryName = Repository.Name,
            LoginName = LoginName(entry, loginName),
            ObjectId = objectId,
            DistinguishedName = entry.DistinguishedName,
            UserPrincipalName = EntryAttributes.String(entry, "userPrincipalName"),
            Sid = EntryAttributes.Bytes(entry, "objectSid"),
            CommonName = EntryAttributes.String(entry, "cn"),
            GivenName = EntryAttributes.String(entry, "givenName"),
            Email = EntryAttributes.String(entry, Repository.MailAttribute),
            MobilePhone = EntryAttributes.String(entry, Repository.MobileAttribute),
            Groups = Groups(connection, entry),
        };
    }

    /// <summary>sAMAccountName for AD, uid for LDAP, then the other one, then the filter's attribute.</summary>
    private string LoginName(SearchResultEntry entry, string? typed)
    {
        var preferred = _activeDirectory ? new[] { "sAMAccountName", "uid" } : ["uid", "sAMAccountName"];
        foreach (var attribute in preferred.Concat(_filterAttributes))
            if (EntryAttributes.String(entry, attribute) is { } value) return value;
        return typed ?? FirstRdnValue(entry.DistinguishedName);
    }

    private static string FirstRdnValue(string dn)
    {
        var rdn = dn.Split(',', 2)[0];
        var eq = rdn.IndexOf('=');
        return eq >= 0 ? rdn[(eq + 1)..] : rdn;
    }

    private IReadOnlyList<string> Groups(ServiceConnection connection, SearchResultEntry entry)
    {
        SearchResponse Send(SearchRequest request) => Search(connection, request);
        var direct = EntryAttributes.Strings(entry, Repository.GroupAttribute);
        if (_activeDirectory)
        {
            try
            {
                return GroupResolver.ResolveInChain(Send, entry.DistinguishedName, Repository.BaseDn);
            }
            catch (DirectoryOperationException e) when (!LdapErrors.IsConnectivity(e))
            {
                _log.LogWarning("Repository {Repository}: in-chain group search failed ({Error}); walking {Attribute}",
                    Repository.Name, LdapErrors.Describe(e), Repository.GroupAttribute);
            }
        }
        return _groups.ResolveByWalk(Send, direct);
    }

    /// <summary>A search under the watchdog, since S.DS.P cannot time a search out on Linux.</summary>
    private SearchResponse Search(ServiceConnection connection, SearchRequest request)
    {
        using var watchdog = new OperationWatchdog(connection.Socket, _connector.Timeout);
        return (SearchResponse)connection.Connection.SendRequest(request);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on a service-account connection: an idle pooled one to the
    /// preferred server if there is one, else a new one, trying the servers in health order.
    /// Only connectivity failures move on to the next server; the last one becomes
    /// <see cref="DirectoryUnavailableException"/>.
    /// </summary>
    private T WithServiceConnection<T>(Func<ServiceConnection, T> operation)
    {
        var pooled = _pool.TryTake(_health.Preferred);
        if (pooled is not null)
        {
            try
            {
                var result = operation(pooled);
                _pool.Return(pooled);
                return result;
            }
            catch (Exception e) when (LdapErrors.IsConnectivity(e))
            {
                // Possibly just closed by the server while idle: retry below on a fresh connection,
                // which marks the server dead if it really is.
                pooled.Dispose();
                _log.LogDebug("Repository {Repository}: pooled connection failed ({Error}); reconnecting", Repository.Name, LdapErrors.Describe(e));
            }
            catch (Exception e) when (e is LdapException or DirectoryOperationException)
            {
                pooled.Dispose();
                throw Unavailable(e);
            }
            catch
            {
                pooled.Dispose();
                throw;
            }
        }

        Exception? last = null;
        foreach (var index in _health.Order())
        {
            var server = _health.Servers[index];
            ServiceConnection? connection = null;
            try
            {
                var ldap = _connector.Open(server);
                try
                {
                    LdapConnector.Bind(ldap, Repository.BindDn, Repository.BindPassword);
                }
                catch
                {
                    ldap.Dispose();
                    throw;
                }
                connection = new ServiceConnection(ldap, index, _time.GetTimestamp());
                var result = operation(connection);
                _health.MarkAlive(index);
                _pool.Return(connection);
                return result;
            }
            catch (Exception e) when (LdapErrors.IsConnectivity(e) || e is IOException or InvalidDataException or CryptographicException)
            {
                connection?.Dispose();
                _health.MarkDead(index);
                last = e;
                _log.LogWarning("Repository {Repository}: {Server} unavailable ({Error})", Repository.Name, server, LdapErrors.Describe(e));
            }
            catch (Exception e) when (e is LdapException or DirectoryOperationException)
            {
                // A server-side answer (bad service credentials, bad base DN, …): the same on every server.
                connection?.Dispose();
                throw Unavailable(e);
            }
            catch
            {
                connection?.Dispose();
                throw;
            }
        }
        throw new DirectoryUnavailableException(
            $"Repository {Repository.Name}: no directory server reachable ({LdapErrors.Describe(last!)}).", last);
    }

    private DirectoryUnavailableException Unavailable(Exception e)
    {
        if (e is LdapException { ErrorCode: 49 })
            return new DirectoryUnavailableException($"Repository {Repository.Name}: the service account bind was refused ({LdapErrors.Describe(e)}).", e);
        return new DirectoryUnavailableException($"Repository {Repository.Name}: directory error ({LdapErrors.Describe(e)}).", e);
    }

    /// <summary>
    /// Simple bind as the user on a fresh connection that is closed right after (LDAP: through
    /// <see cref="PolicyBind"/>, with the password-policy control).
    /// </summary>
    private PasswordCheck BindAsUser(string dn, string password)
    {
        Exception? last = null;
        foreach (var index in _health.Order())
        {
            var server = _health.Servers[index];
            try
            {
                var check = PasswordCheck.Ok;
                if (_usePolicyBind)
                {
                    check = PolicyBind.Bind(server, Repository.StartTls, _connector.CaDirectory(server), _connector.Timeout, dn, password);
                }
                else
                {
                    using var connection = _connector.Open(server);
                    LdapConnector.Bind(connection, dn, password);
                }
                _health.MarkAlive(index);
                return check;
            }
            catch (Exception e) when (e is LdapException or DirectoryOperationException)
            {
                if (BindResultMapper.Map(e) is { } check)
                {
                    _health.MarkAlive(index);
                    return check;
                }
                if (!LdapErrors.IsConnectivity(e)) throw Unavailable(e);
                _health.MarkDead(index);
                last = e;
                _log.LogWarning("Repository {Repository}: {Server} unavailable for a user bind ({Error})", Repository.Name, server, LdapErrors.Describe(e));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or CryptographicException)
            {
                _health.MarkDead(index);
                last = e;
            }
        }
        throw new DirectoryUnavailableException(
            $"Repository {Repository.Name}: no directory server reachable ({LdapErrors.Describe(last!)}).", last);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _pool.Dispose();
    }
}
