using System.DirectoryServices.Protocols;
using System.Net;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Directory;

/// <summary>Opens connections to one repository's servers with its TLS, timeout and referral settings.</summary>
internal sealed class LdapConnector(RepositoryDefinition repository)
{
    public TimeSpan Timeout { get; } = TimeSpan.FromSeconds(Math.Max(1, repository.TimeoutSeconds));

    /// <summary>
    /// A connection to <paramref name="server"/>, TLS set up (LDAPS, or StartTLS already done), not bound.
    /// Throws the S.DS.P exception on connectivity/TLS failure.
    /// </summary>
    public LdapConnection Open(LdapServerUrl server)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(server.Host, server.Port, true, false))
        {
            AuthType = AuthType.Basic,
            Timeout = Timeout,
            AutoBind = false,
        };
        try
        {
            var options = connection.SessionOptions;
            options.ProtocolVersion = 3;
            // AD returns referrals to its DNS/configuration partitions; chasing them would bind elsewhere.
            options.ReferralChasing = ReferralChasingOptions.None;
            var tls = server.UseSsl || repository.StartTls;
            if (server.UseSsl) options.SecureSocketLayer = true;
            // On Windows, wldap32 validates against the machine's certificate store instead.
            if (tls && !string.IsNullOrWhiteSpace(repository.CaCertificate) && !OperatingSystem.IsWindows())
            {
                options.TrustedCertificatesDirectory = CaCertificateDirectory.For(repository.CaCertificate);
                // Without a new TLS context libldap keeps the process-wide one and ignores the directory.
                options.StartNewTlsSessionContext();
            }
            LibLdap.TrySetTimeouts(connection, Timeout);
            if (!server.UseSsl && repository.StartTls) StartTls(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The certificate directory for TLS to <paramref name="server"/>, or null for the system trust.</summary>
    public string? CaDirectory(LdapServerUrl server) =>
        (server.UseSsl || repository.StartTls) && !string.IsNullOrWhiteSpace(repository.CaCertificate)
            ? CaCertificateDirectory.For(repository.CaCertificate)
            : null;

    /// <summary>Simple bind; S.DS.P exceptions propagate (49 = bad credentials).</summary>
    public static void Bind(LdapConnection connection, string dn, string password) =>
        connection.Bind(new NetworkCredential(dn, password));

    private static void StartTls(LdapConnection connection)
    {
        // S.DS.P connects lazily on Linux, and ldap_start_tls on an unconnected handle fails
        // (error 91). An anonymous bind opens the connection without sending any secret.
        connection.AuthType = AuthType.Anonymous;
        try
        {
            connection.Bind();
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException && !LdapErrors.IsConnectivity(e))
        {
            // The server may refuse anonymous binds; the connection is open all the same.
        }
        connection.SessionOptions.StartTransportLayerSecurity(null);
        connection.AuthType = AuthType.Basic;
    }
}
