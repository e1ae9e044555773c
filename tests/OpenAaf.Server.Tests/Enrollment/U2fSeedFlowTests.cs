using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Enrollment;

/// <summary>
/// The seed flow 2.3 → 2.6 end to end with the Debian software U2F token: enrollment of the key through
/// the API by a user logged on to "Authenticators Management", then a U2F logon to "Search Card".
/// </summary>
public sealed class U2fSeedFlowTests : IDisposable
{
    private const string AppId = "https://auth.example.test";
    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;
    private readonly SoftwareU2fToken _token = new();

    public U2fSeedFlowTests()
    {
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(
                new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
                new JsonObject { ["name"] = "TOTP Only", ["methods"] = new JsonArray("TOTP:1"), ["imageName"] = "TOTP_1.png" },
                new JsonObject { ["name"] = "U2F only", ["methods"] = new JsonArray("U2F:1"), ["imageName"] = "U2F_1.png" }),
            new JsonArray(
                new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
                new JsonObject { ["name"] = "Search Card", ["chains"] = new JsonArray("Password only", "TOTP Only", "U2F only") }));
        _factory = new OpenAafFactory(bootstrap, policies: new JsonObject
        {
            ["PublicUrlOptions"] = new JsonObject { ["site_urls"] = new JsonObject { [""] = AppId } },
        });
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _token.Dispose();
    }

    [Fact]
    public async Task EnrollAKey_ThenLogOnWithIt_AndAClonedCounterIsRefused()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var userId = ok.GetProperty("user_id").GetString()!;

        // Enrollment: registerRequests → the token's registerResponse → saved as a template.
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "U2F:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var (_, first) = await _api.PostAsync($"/api/v1/enroll/{processId}/do_enroll", new { login_session_id = login, response = new { appId = AppId } });
        var request = first.GetProperty("registerRequests")[0];
        var registration = await _token.RegisterAsync(AppId, request.GetProperty("challenge").GetString()!);
        var (_, done) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/enroll/{processId}/do_enroll",
            new JsonObject { ["login_session_id"] = login, ["response"] = new JsonObject { ["registerResponse"] = registration } }.ToJsonString());
        var (_, saved) = await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId });
        var templateId = saved.GetProperty("auth_t_id").GetString()!;

        Assert.Equal(("MORE_DATA", "OAAF-3102", "U2F_WAITING_REG_RESPONSE"), (first.GetProperty("status").GetString(),
            first.GetProperty("msgid").GetString(), first.GetProperty("reason").GetString()));
        Assert.Equal(AppId, request.GetProperty("appId").GetString());
        Assert.Equal("OK", done.GetProperty("status").GetString());

        // Seed 2.3: start with U2F:1; 2.4: the challenge; 2.6: the sign response.
        var (_, logon) = await _api.StartLogonAsync(session, "alice", "U2F:1", "Search Card");
        var logonId = logon.GetProperty("logon_process_id").GetString()!;
        var (_, challenge) = await _api.AnswerAsync(session, logonId, null);
        var sign = challenge.GetProperty("signRequests")[0];
        var signed = (await _token.SignAsync(AppId, sign.GetProperty("keyHandle").GetString()!, sign.GetProperty("challenge").GetString()!))[0];
        var (_, final) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{logonId}/do_logon",
            new JsonObject { ["response"] = new JsonObject { ["signResponse"] = signed }, ["endpoint_session_id"] = session }.ToJsonString());

        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.3-more-data-u2f"), logon));
        Assert.Equal(("MORE_DATA", "AUCORE-2059", "U2F_WAITING_AUTH_RESPONSE"), (challenge.GetProperty("status").GetString(),
            challenge.GetProperty("msgid").GetString(), challenge.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Object, challenge.GetProperty("webauth_challenge").ValueKind);
        Assert.Equal("OK", final.GetProperty("status").GetString());
        var identity = new[] { "user_mobile_phone", "user_sid", "user_sid_hex", "user_upn", "user_dn", "user_first_name", "plugins" };
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.6-ok-u2f"), final, identity));
        Assert.Equal("U2F only", final.GetProperty("completed_chain").GetProperty("name").GetString());
        Assert.Equal(2, final.GetProperty("completed_chain").GetProperty("position").GetInt32());
        Assert.Equal(templateId, final.GetProperty("completed_template_id").GetString());

        // A second tester process starts its counter again at 1: to the server that is a cloned key.
        var (_, again) = await _api.StartLogonAsync(session, "alice", "U2F:1", "Search Card");
        var againId = again.GetProperty("logon_process_id").GetString()!;
        var (_, challenge2) = await _api.AnswerAsync(session, againId, null);
        var sign2 = challenge2.GetProperty("signRequests")[0];
        var cloned = (await _token.SignAsync(AppId, sign2.GetProperty("keyHandle").GetString()!, sign2.GetProperty("challenge").GetString()!))[0];
        var (_, refused) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{againId}/do_logon",
            new JsonObject { ["response"] = new JsonObject { ["signResponse"] = cloned }, ["endpoint_session_id"] = session }.ToJsonString());

        Assert.Equal(("FAILED", "U2F_COUNTER_REGRESSION"), (refused.GetProperty("status").GetString(), refused.GetProperty("reason").GetString()));
    }
}
