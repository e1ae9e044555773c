using System.Net;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Directories;

/// <summary>The seed flows against a real Active Directory: a Samba AD DC for realm JAGUAR.COM.</summary>
public sealed class SambaAdLogonTests(SambaAdLogonTests.Server server) : IClassFixture<SambaAdLogonTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public SambaAdFixture Samba { get; } = new();
        public OpenAafFactory Factory { get; private set; } = null!;
        public ApiClient Api { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await Samba.InitializeAsync();
            Factory = new OpenAafFactory(DirectoryServers.Bootstrap(DirectoryServers.Samba()));
            Api = new ApiClient(Factory.CreateClient());
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Samba.DisposeAsync();
        }
    }

    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task SeedFlow_3_3_to_3_4_MatchesTheSamples_WithTheAdIdentity()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (_, started) = await _api.StartLogonAsync(session, "denis", "LDAP_PASSWORD:1");
        var (status, next) = await _api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, SambaAdFixture.DenisPassword);

        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.3-more-data"), started));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.4-next"), next));
        Assert.Equal("JAGUAR\\denis", next.GetProperty("user_name").GetString());
        Assert.Equal("JAGUAR\\denis", next.GetProperty("user_name_netbios").GetString());
        Assert.Equal("denis@jaguar.com", next.GetProperty("user_upn").GetString());
        Assert.Equal("CN=Denis Test,CN=Users,DC=jaguar,DC=com", next.GetProperty("user_dn").GetString());
        Assert.Equal("Denis", next.GetProperty("user_first_name").GetString());
        Assert.Equal("+15550000001", next.GetProperty("user_mobile_phone").GetString());
        Assert.Equal("FULL ADMINS", next.GetProperty("user_role_assignments").GetString());
        Assert.Matches(@"^S-1-5-21-\d+-\d+-\d+-\d+$", next.GetProperty("user_sid").GetString());
        Assert.StartsWith("010500000000000515000000", next.GetProperty("user_sid_hex").GetString());
    }

    [Fact]
    public async Task OkThroughAd_MatchesBothOkSamples()
    {
        var session = await _api.NewEndpointSessionAsync();

        var ok = await _api.LogonAsync(session, "denis@jaguar.com", SambaAdFixture.DenisPassword, eventName: "Search Card");

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.6-ok-u2f"), ok));
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.7-ok-finger"), ok, "score"));
    }

    [Theory]
    [InlineData("disabled", "LDAP_ACCOUNT_DISABLED", "OAAF-2112")]
    [InlineData("mustchange", "LDAP_PASSWORD_MUST_CHANGE", "OAAF-2116")]
    [InlineData("expired", "LDAP_ACCOUNT_EXPIRED", "OAAF-2114")]
    [InlineData("locked", "LDAP_ACCOUNT_LOCKED", "OAAF-2113")]
    [InlineData("pwexpired", "LDAP_PASSWORD_EXPIRED", "OAAF-2115")]
    [InlineData("hours", "LDAP_LOGON_NOT_PERMITTED", "OAAF-2117")]
    [InlineData("workstation", "LDAP_LOGON_NOT_PERMITTED", "OAAF-2117")]
    public async Task AdAccountStates_HaveTheirOwnReasons(string user, string reason, string msgid)
    {
        var session = await _api.NewEndpointSessionAsync();

        var failed = await _api.LogonAsync(session, $"JAGUAR\\{user}", SambaAdFixture.SubCodePassword, eventName: "Search Card");

        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal(reason, failed.GetProperty("reason").GetString());
        Assert.Equal(msgid, failed.GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task WrongAdPassword_IsPasswordWrong()
    {
        var session = await _api.NewEndpointSessionAsync();

        var failed = await _api.LogonAsync(session, "JAGUAR\\alice", "not-her-password", eventName: "Search Card");

        Assert.Equal(("AUCORE-2007", "PASSWORD_WRONG"), (failed.GetProperty("msgid").GetString(), failed.GetProperty("reason").GetString()));
    }
}
