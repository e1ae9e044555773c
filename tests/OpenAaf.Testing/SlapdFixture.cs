using System.Net;
using System.Net.Sockets;
using Xunit;

namespace OpenAaf.Testing;

/// <summary>
/// A private OpenLDAP slapd (tests/fixtures/slapd-test.sh) on free loopback ports below 32768,
/// in its own temporary folder, stopped and deleted on dispose. Use as an xunit class or
/// assembly fixture. Data and accounts: see the script header.
/// </summary>
public sealed class SlapdFixture : IAsyncLifetime
{
    public const string BaseDn = "dc=example,dc=test";
    public const string ServiceDn = "cn=svc-mfa,ou=service,dc=example,dc=test";
    public const string ServicePassword = "svcpw";
    public const string AdminDn = "cn=admin,dc=example,dc=test";
    public const string AdminPassword = "adminpw";

    private int _pid;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "openaaf-slapd-" + Guid.NewGuid().ToString("N")[..12]);
    public int Port { get; private set; }
    public int TlsPort { get; private set; }
    public string Url => $"ldap://127.0.0.1:{Port}";
    public string LdapsUrl => $"ldaps://127.0.0.1:{TlsPort}";
    /// <summary>PEM of the self-signed server certificate, usable as the CA.</summary>
    public string CaCertificatePath => Path.Combine(Directory, "ldap", "cert.pem");

    public static string UserDn(string uid) => $"uid={uid},ou=people,{BaseDn}";

    /// <summary>slapd's debug level (<c>stats</c> logs every operation to <see cref="LogPath"/>); none by default.</summary>
    public string? LogLevel { get; init; }

    public string LogPath => Path.Combine(Directory, "ldap", "slapd.log");

    public async ValueTask InitializeAsync()
    {
        FixtureScripts.RequireBinaries("slapd", "slapadd", "slappasswd", "slaptest", "ldapsearch", "ldapadd", "openssl");
        Exception? last = null;
        // A port that was free when probed can be taken before slapd binds it: retry with others.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Port = FreePort();
            TlsPort = FreePort(Port);
            try
            {
                var pid = await FixtureScripts.RunAsync(FixtureScripts.Script("slapd-test.sh"),
                    [Path.Combine(Directory, "ldap"), Port.ToString(), TlsPort.ToString()], TimeSpan.FromSeconds(60),
                    LogLevel is null ? null : new Dictionary<string, string> { ["SLAPD_LOGLEVEL"] = LogLevel });
                _pid = int.Parse(pid.Split('\n')[^1]);
                return;
            }
            catch (InvalidOperationException e)
            {
                last = e;
            }
        }
        throw new InvalidOperationException("Could not start slapd: " + last?.Message, last);
    }

    /// <summary>A free TCP port on 127.0.0.1 below the ephemeral range (32768+), where a client socket could take it.</summary>
    public static int FreePort(int except = 0)
    {
        for (var i = 0; i < 200; i++)
        {
            var port = Random.Shared.Next(20000, 32000);
            if (port == except) continue;
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("No free port between 20000 and 32000.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_pid > 0)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(_pid);
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException)
            {
                // already gone
            }
        }
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
