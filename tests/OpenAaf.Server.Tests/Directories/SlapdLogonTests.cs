using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Directories;

/// <summary>The seed flows 3.3 → 3.4 and OK against a real OpenLDAP with the AD-flavoured schema.</summary>
public sealed class SlapdLogonTests(SlapdLogonTests.Server server) : IClassFixture<SlapdLogonTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public SlapdFixture Slapd { get; } = new();
        public OpenAafFactory Factory { get; private set; } = null!;
        public ApiClient Api { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await Slapd.InitializeAsync();
            Factory = new OpenAafFactory(DirectoryServers.Bootstrap(
                DirectoryServers.Slapd(Slapd),
                DirectoryServers.Slapd(Slapd, "SECURE", Slapd.LdapsUrl).Also(r => r["caCertificate"] = Slapd.CaCertificatePath),
                DirectoryServers.Slapd(Slapd, "DOWN", $"ldap://127.0.0.1:{SlapdFixture.FreePort()}")));
            Api = new ApiClient(Factory.CreateClient());
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Slapd.DisposeAsync();
        }
    }

    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task SeedFlow_3_3_to_3_4_MatchesTheSampleShapes()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (startStatus, started) = await _api.StartLogonAsync(session, "denis", "LDAP_PASSWORD:1");
        var (nextStatus, next) = await _api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, "Passw0rd!");

        Assert.Equal(HttpStatusCode.OK, startStatus);
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.3-more-data"), started));
        Assert.Equal("PROCESS_STARTED", started.GetProperty("reason").GetString());
        Assert.Equal(1, started.GetProperty("chains")[0].GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.OK, nextStatus);
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.4-next"), next));
        Assert.Equal("NEXT", next.GetProperty("status").GetString());
        Assert.Equal("AUCORE-1091", next.GetProperty("msgid").GetString());
        Assert.Equal("EXAMPLE\\denis", next.GetProperty("user_name").GetString());
        Assert.Equal("S-1-5-21-2127521184-1604012920-1887927527-1104", next.GetProperty("user_sid").GetString());
        Assert.Equal("010500000000000515000000a065cf7e784b9b5fe77c877050040000", next.GetProperty("user_sid_hex").GetString());
        Assert.Equal("denis@example.test", next.GetProperty("user_upn").GetString());
        Assert.Equal("uid=denis,ou=people,dc=example,dc=test", next.GetProperty("user_dn").GetString());
        Assert.Equal("FULL ADMINS", next.GetProperty("user_role_assignments").GetString());
        Assert.Equal(["LdapRules"], next.GetProperty("plugins").EnumerateArray().Select(p => p.GetString()));
        Assert.Matches("^[0-9a-f]{32}$", next.GetProperty("repo_obj_id").GetString());
    }

    [Fact]
    public async Task LdapOnlyChain_IsOk_MatchingBothOkSamples()
    {
        var session = await _api.NewEndpointSessionAsync();

        var ok = await _api.LogonAsync(session, "EXAMPLE\\denis", "Passw0rd!", "LDAP_PASSWORD:1", "Search Card");

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.6-ok-u2f"), ok));
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.7-ok-finger"), ok, "score"));
        Assert.Equal("LDAP only", ok.GetProperty("completed_chain").GetProperty("name").GetString());
        Assert.Equal(2, ok.GetProperty("completed_chain").GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task TheAutoCreatedLdapPasswordTemplate_IsListedWithoutEnrollment()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "EXAMPLE\\alice", "alicepw", eventName: "Self Service");
        var login = ok.GetProperty("login_session_id").GetString();
        var userId = ok.GetProperty("user_id").GetString();

        var (status, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");

        Assert.Equal(HttpStatusCode.OK, status);
        var template = Assert.Single(list.GetProperty("templates").EnumerateArray());
        Assert.Equal(("LDAP_PASSWORD:1", "LDAP Password", "Auto-created"), (template.GetProperty("method_id").GetString(),
            template.GetProperty("method_title").GetString(), template.GetProperty("comment").GetString()));
        Assert.Equal(ok.GetProperty("completed_template_id").GetString(), template.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("denis@example.test")]
    [InlineData("EXAMPLE\\DENIS")]
    [InlineData("Denis")]
    public async Task UserNames_ResolveInEveryDocumentedForm(string userName)
    {
        var session = await _api.NewEndpointSessionAsync();

        var ok = await _api.LogonAsync(session, userName, "Passw0rd!", eventName: "Search Card");

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal("EXAMPLE\\denis", ok.GetProperty("user_name").GetString());
    }

    [Theory]
    [InlineData("pplocked", "LDAP_ACCOUNT_LOCKED")]
    [InlineData("ppexpired", "LDAP_PASSWORD_EXPIRED")]
    [InlineData("ppreset", "LDAP_PASSWORD_MUST_CHANGE")]
    public async Task PasswordPolicyStates_HaveTheirOwnReasons(string user, string reason)
    {
        var session = await _api.NewEndpointSessionAsync();

        var failed = await _api.LogonAsync(session, user, user + "pw", eventName: "Search Card");

        Assert.Equal(("FAILED", reason), (failed.GetProperty("status").GetString(), failed.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Ldaps_WithTheConfiguredCa_Works()
    {
        var session = await _api.NewEndpointSessionAsync();

        var ok = await _api.LogonAsync(session, "SECURE\\alice", "alicepw", eventName: "Search Card");

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal("SECURE\\alice", ok.GetProperty("user_name").GetString());
    }

    [Fact]
    public async Task UnreachableDirectory_Is503()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (status, body) = await _api.StartLogonAsync(session, "DOWN\\alice", eventName: "Search Card");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("OAAF-1115", body.GetProperty("errors")[0].GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task WrongPasswordThreeTimes_LocksTheUser()
    {
        var session = await _api.NewEndpointSessionAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal("PASSWORD_WRONG", (await _api.LogonAsync(session, "user07", "bad", eventName: "Search Card")).GetProperty("reason").GetString());

        var (_, chains) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/logon/chains?user_name=user07&event=Search%20Card&endpoint_session_id={session}");
        var locked = await _api.LogonAsync(session, "user07", "pw07", eventName: "Search Card");

        Assert.True(chains.GetProperty("user_is_locked").GetBoolean());
        Assert.Equal("USER_LOCKED", locked.GetProperty("reason").GetString());
    }
}

