using Xunit;

namespace OpenAaf.Testing;

/// <summary>
/// The machine's shared Samba AD DC (tests/fixtures/samba-ad-test.sh): started if needed, reused
/// otherwise, never stopped (other test projects use it too). LDAP on 127.0.0.1:389, LDAPS on 636
/// (certificate for dc1.jaguar.com). Accounts: see the script header.
/// </summary>
public sealed class SambaAdFixture : IAsyncLifetime
{
    public const string Realm = "JAGUAR.COM";
    public const string NetBiosName = "JAGUAR";
    public const string BaseDn = "DC=jaguar,DC=com";
    public const string Url = "ldap://127.0.0.1:389";
    public const string LdapsUrl = "ldaps://127.0.0.1:636";
    public const string ServiceDn = "CN=Service MFA,CN=Users,DC=jaguar,DC=com";
    public const string ServicePassword = "Svc!Passw0rd";
    public const string AdminUpn = "Administrator@jaguar.com";
    public const string AdminPassword = "Adm1n!Passw0rd";
    public const string DenisPassword = "Den1s!Passw0rd";
    public const string AlicePassword = "Al1ce!Passw0rd";
    /// <summary>Password of the sub-code users: disabled, mustchange, expired, locked, pwexpired, hours, workstation.</summary>
    public const string SubCodePassword = "Sub!Passw0rd";

    public static string DataDirectory =>
        Environment.GetEnvironmentVariable("OPENAAF_SAMBA_DIR") is { Length: > 0 } dir ? dir : "/tmp/openaaf-samba";

    public int Pid { get; private set; }

    public string CaCertificatePath => Path.Combine(DataDirectory, "private", "tls", "ca.pem");

    public async ValueTask InitializeAsync()
    {
        FixtureScripts.RequireBinaries("samba", "samba-tool", "ldbmodify", "ldapsearch", "flock", "faketime");
        // Up to 10 minutes: another test project may hold the lock while it provisions.
        var pid = await FixtureScripts.RunAsync(FixtureScripts.Script("samba-ad-test.sh"), [DataDirectory], TimeSpan.FromMinutes(11));
        Pid = int.Parse(pid.Split('\n')[^1]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
