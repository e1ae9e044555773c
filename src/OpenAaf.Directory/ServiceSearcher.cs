using System.DirectoryServices.Protocols;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// User searches of one repository as its service account, on pooled S.DS.P connections, with
/// failover across the configured URLs. Runs on a directory thread (blocking calls).
/// </summary>
internal sealed class ServiceSearcher : IDisposable
{
    private readonly RepositoryDefinition _repository;
    private readonly LdapConnector _connector;
    private readonly ServerHealth _health;
    private readonly ConnectionPool<ServiceConnection> _pool;
    private readonly GroupResolver _groups;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly string[] _userAttributes;
    private readonly IReadOnlyList<string> _filterAttributes;
    private readonly bool _activeDirectory;

    public ServiceSearcher(RepositoryDefinition repository, LdapConnector connector, ServerHealth health, TimeProvider time, ILogger log)
    {
        _repository = repository;
        _connector = connector;
        _health = health;
        _time = time;
        _log = log;
        _activeDirectory = repository.Kind == RepositoryKind.ActiveDirectory;
        _pool = new ConnectionPool<ServiceConnection>(Math.Max(1, repository.MaxConcurrency), time);
        _groups = new GroupResolver(repository.GroupAttribute, time);
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

    public int IdleConnections => _pool.IdleCount;

    /// <summary>The account matching <paramref name="filter"/> (already escaped), with its groups.</summary>
    public DirectoryLookup Find(string filter, string? loginName) =>
        WithServiceConnection(connection => Find(connection, filter, loginName));

    private DirectoryLookup Find(ServiceConnection connection, string filter, string? loginName)
    {
        var request = new SearchRequest(_repository.BaseDn, filter, SearchScope.Subtree, _userAttributes)
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
            throw new DirectoryUnavailableException($"Repository {_repository.Name}: base DN '{_repository.BaseDn}' does not exist.", e);
        }
        if (response.Entries.Count > 1) return DirectoryLookup.Ambiguous;
        if (response.Entries.Count == 0) return DirectoryLookup.NotFound;
        var user = Map(connection, response.Entries[0], loginName);
        return user is null ? DirectoryLookup.NotFound : DirectoryLookup.Found(user);
    }

    private DirectoryUser? Map(ServiceConnection connection, SearchResultEntry entry, string? loginName)
    {
        var guid = EntryAttributes.Bytes(entry, "objectGUID");
        var objectId = guid is { Length: 16 } ? ObjectIds.FromGuidBytes(guid)
            : EntryAttributes.String(entry, "entryUUID") is { } uuid ? ObjectIds.FromEntryUuid(uuid) : null;
        if (objectId is null)
        {
            _log.EntryWithoutObjectId(_repository.Name, entry.DistinguishedName);
            return null;
        }
        return new DirectoryUser
        {
            RepositoryName = _repository.Name,
            LoginName = LoginName(entry, loginName),
            ObjectId = objectId,
            DistinguishedName = entry.DistinguishedName,
            UserPrincipalName = EntryAttributes.String(entry, "userPrincipalName"),
            Sid = EntryAttributes.Bytes(entry, "objectSid"),
            CommonName = EntryAttributes.String(entry, "cn"),
            GivenName = EntryAttributes.String(entry, "givenName"),
            Email = EntryAttributes.String(entry, _repository.MailAttribute),
            MobilePhone = EntryAttributes.String(entry, _repository.MobileAttribute),
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
        var direct = EntryAttributes.Strings(entry, _repository.GroupAttribute);
        if (_activeDirectory)
        {
            try
            {
                return GroupResolver.ResolveInChain(Send, entry.DistinguishedName, _repository.BaseDn);
            }
            catch (DirectoryOperationException e) when (!LdapErrors.IsConnectivity(e))
            {
                _log.InChainSearchFailed(_repository.Name, LdapErrors.Describe(e), _repository.GroupAttribute);
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
                _log.PooledConnectionFailed(_repository.Name, "search", LdapErrors.Describe(e));
            }
            catch (Exception e) when (e is LdapException or DirectoryOperationException)
            {
                pooled.Dispose();
                throw DirectoryFailures.Unavailable(_repository, e);
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
                    LdapConnector.Bind(ldap, _repository.BindDn, _repository.BindPassword);
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
                _log.ServerUnavailable(_repository.Name, server, "search", LdapErrors.Describe(e));
            }
            catch (Exception e) when (e is LdapException or DirectoryOperationException)
            {
                // A server-side answer (bad service credentials, bad base DN, …): the same on every server.
                connection?.Dispose();
                throw DirectoryFailures.Unavailable(_repository, e);
            }
            catch
            {
                connection?.Dispose();
                throw;
            }
        }
        throw DirectoryFailures.NoServer(_repository, last!);
    }

    public void Dispose() => _pool.Dispose();
}
