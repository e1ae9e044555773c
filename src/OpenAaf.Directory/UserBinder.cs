using System.DirectoryServices.Protocols;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// Password checks of one repository: a simple bind as the user on a pooled <see cref="BindConnection"/>
/// (user-bind connections only; searches never see them), with failover across the URLs. A connection
/// goes back to the pool only after a definite answer (success or invalid credentials); after any other
/// result, a timeout or a transport error it is closed. Each use starts with a fresh bind, one caller
/// at a time. Runs on a directory thread (the wait for the answer blocks).
/// </summary>
internal sealed class UserBinder : IDisposable
{
    private readonly RepositoryDefinition _repository;
    private readonly LdapConnector _connector;
    private readonly ServerHealth _health;
    private readonly ConnectionPool<BindConnection> _pool;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly bool _policyControl;

    public UserBinder(RepositoryDefinition repository, LdapConnector connector, ServerHealth health, TimeProvider time, ILogger log)
    {
        _repository = repository;
        _connector = connector;
        _health = health;
        _time = time;
        _log = log;
        _pool = new ConnectionPool<BindConnection>(Math.Max(1, repository.MaxConcurrency), time);
        // OpenLDAP reports locked/expired/reset passwords only through the ppolicy response control;
        // AD puts its sub-code in the diagnostic text.
        _policyControl = repository.Kind != RepositoryKind.ActiveDirectory;
    }

    public int IdleConnections => _pool.IdleCount;

    public PasswordCheck Bind(string dn, string password)
    {
        var pooled = _pool.TryTake(_health.Preferred);
        if (pooled is not null)
        {
            try
            {
                return Finish(pooled, pooled.Bind(dn, password, _connector.Timeout));
            }
            catch (LdapException e) when (e.ErrorCode == 81)
            {
                // Most likely closed by the server while idle (the request never reached it):
                // a fresh connection below tells whether the server is really gone.
                pooled.Dispose();
                _log.PooledConnectionFailed(_repository.Name, "bind", LdapErrors.Describe(e));
            }
            catch (LdapException e) when (LdapErrors.IsConnectivity(e))
            {
                pooled.Dispose();
                _health.MarkDead(pooled.ServerIndex);
                _log.ServerUnavailable(_repository.Name, _health.Servers[pooled.ServerIndex], "user bind", LdapErrors.Describe(e));
            }
            catch (LdapException e)
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
            BindConnection? connection = null;
            try
            {
                connection = BindConnection.Open(server, _repository.StartTls, _connector.CaDirectory(server), _connector.Timeout,
                    _policyControl, index, _time.GetTimestamp());
                var outcome = connection.Bind(dn, password, _connector.Timeout);
                _health.MarkAlive(index);
                return Finish(connection, outcome);
            }
            catch (LdapException e) when (LdapErrors.IsConnectivity(e))
            {
                connection?.Dispose();
                _health.MarkDead(index);
                last = e;
                _log.ServerUnavailable(_repository.Name, server, "user bind", LdapErrors.Describe(e));
            }
            catch (LdapException e)
            {
                // A server-side error that is not about the credentials: the same on every server.
                connection?.Dispose();
                throw DirectoryFailures.Unavailable(_repository, e);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or CryptographicException)
            {
                // The CA file could not be read: no server can be reached over TLS.
                connection?.Dispose();
                _health.MarkDead(index);
                last = e;
            }
            catch
            {
                connection?.Dispose();
                throw;
            }
        }
        throw DirectoryFailures.NoServer(_repository, last!);
    }

    private PasswordCheck Finish(BindConnection connection, BindOutcome outcome)
    {
        if (outcome.Reusable) _pool.Return(connection);
        else connection.Dispose();
        return outcome.Check;
    }

    public void Dispose() => _pool.Dispose();
}
