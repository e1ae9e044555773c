using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Server.Tests.Enrollment;

/// <summary>
/// The seed flow 3.3 → 3.7 against the test slapd: a helpdesk operator enrolls two of denis's fingers from
/// FVC2002 DB2_B impressions (fingers 101 and 102, impressions 1–3); denis then logs on to "Authenticators
/// Management" with "LDAP + Fingerprint", presenting another impression. Skipped, with the reason, when the
/// shared FVC files are absent. The tests share denis: each has at most one counted failure before an OK
/// resets the counter, so the lockout threshold (3) is never reached whatever their order.
/// </summary>
public sealed class FingerSeedFlowTests(FingerSeedFlowTests.Server server) : IClassFixture<FingerSeedFlowTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public SlapdFixture Slapd { get; } = new();
        public OpenAafFactory Factory { get; private set; } = null!;
        public ApiClient Api { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await Slapd.InitializeAsync();
            // The seed configuration, plus the built-in "Helpdesk" event with a password chain for LOCAL\ADMIN
            // (FULL ADMINS), whose session may enroll for other users (api.md §4.6).
            var bootstrap = DirectoryServers.Bootstrap(DirectoryServers.Slapd(Slapd));
            bootstrap["chains"]!.AsArray().Add(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") });
            bootstrap["events"]!.AsArray().Add(new JsonObject { ["name"] = "Helpdesk", ["chains"] = new JsonArray("Password only") });
            Factory = new OpenAafFactory(bootstrap);
            Api = new ApiClient(Factory.CreateClient());
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Slapd.DisposeAsync();
        }
    }

    private readonly ApiClient _api = server.Api;

    private static string Fvc(int finger, int impression) => Convert.ToBase64String(SharedFingerprints.Fvc2002(2, finger, impression));

    [Fact]
    public async Task SeedFlow_3_3_to_3_7_WithAFingerEnrolledAtTheHelpdesk()
    {
        var probe = Fvc(101, 5);
        var (userId, templateId) = await EnrollDenisAsync();
        var session = await _api.NewEndpointSessionAsync();

        var (started, next, atFinger, waiting) = await ToFingerAsync(session);
        var (_, ok) = await CaptureAsync(session, started, new JsonObject { ["ISO"] = probe, ["captureStatus"] = "OK", ["Finger"] = "2", ["Dpi"] = 500 });

        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.3-more-data"), started));
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.4-next"), next));
        Assert.Equal(["MORE_DATA", "AUCORE-1008", "FINGER:1"], Text(atFinger, "status", "msgid", "current_method"));
        Assert.Equal(["MORE_DATA", "OAAF-2171", "FINGER_WAITING_CAPTURE"], Text(waiting, "status", "msgid", "reason"));
        Assert.False(waiting.TryGetProperty("score", out _));
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.7-ok-finger"), ok));
        Assert.Equal(["OK", "AUCORE-2001"], Text(ok, "status", "msgid"));
        Assert.Equal("LDAP + Fingerprint", ok.GetProperty("completed_chain").GetProperty("name").GetString());
        Assert.Equal("score", ok.EnumerateObject().First().Name);
        Assert.InRange(ok.GetProperty("score").GetInt32(), 40, 999);
        Assert.Equal((templateId, userId), (ok.GetProperty("completed_template_id").GetString(), ok.GetProperty("user_id").GetString()));
        Assert.Equal(["LDAP_PASSWORD:1", "FINGER:1"], ok.GetProperty("completed_methods").EnumerateArray().Select(m => m.GetString()));
        TestContext.Current.TestOutputHelper?.WriteLine($"genuine DB2_B 101_5: score {ok.GetProperty("score").GetInt32()}");
    }

    [Fact]
    public async Task AnotherFinger_IsRefusedWithItsScore_AndTheProcessHasEnded()
    {
        var probe = Fvc(103, 1);
        await EnrollDenisAsync();
        var session = await _api.NewEndpointSessionAsync();

        var (started, _, _, _) = await ToFingerAsync(session);
        var (status, failed) = await CaptureAsync(session, started, new JsonObject { ["ISO"] = probe, ["captureStatus"] = "Ok" });
        var (afterStatus, after) = await CaptureAsync(session, started, new JsonObject { ["ISO"] = probe, ["captureStatus"] = "Ok" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["FAILED", "OAAF-2174", "FINGER_NO_MATCH"], Text(failed, "status", "msgid", "reason"));
        Assert.Equal("score", failed.EnumerateObject().First().Name);
        Assert.InRange(failed.GetProperty("score").GetInt32(), 0, 39);
        Assert.Equal((HttpStatusCode)444, afterStatus);
        Assert.Equal("AUCORE-1001", after.GetProperty("errors")[0].GetProperty("msgid").GetString());
        TestContext.Current.TestOutputHelper?.WriteLine($"impostor DB2_B 103_1: score {failed.GetProperty("score").GetInt32()}");
    }

    [Fact]
    public async Task AddAndRemoveFingersOfTheSavedTemplate_ThroughAuthTId()
    {
        var third = Fvc(103, 4);
        var (userId, templateId) = await EnrollDenisAsync();
        var login = await HelpdeskLoginAsync();

        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FINGER:1", user_id = userId });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var (_, first) = await DoEnrollAsync(login, processId, null, templateId);
        var captures = new JsonArray([.. Enumerable.Range(1, 3).Select(i => (JsonNode)new JsonObject { ["Finger"] = "3", ["ISO"] = Fvc(103, i) })]);
        var (_, added) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "add", ["captures"] = captures });
        var (_, removed) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "remove", ["fingers"] = new JsonArray("2") });
        await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "end" });
        var (putStatus, _) = await _api.SendAsync(HttpMethod.Put, $"/api/v1/users/{userId}/templates/{templateId}",
            new JsonObject { ["login_session_id"] = login, ["enroll_process_id"] = processId }.ToJsonString());
        var session = await _api.NewEndpointSessionAsync();
        var (removedLogon, _, _, _) = await ToFingerAsync(session);
        var (_, refused) = await CaptureAsync(session, removedLogon, new JsonObject { ["ISO"] = Fvc(101, 5) });
        var (addedLogon, _, _, _) = await ToFingerAsync(session);
        var (_, ok) = await CaptureAsync(session, addedLogon, new JsonObject { ["ISO"] = third });

        Assert.Equal(["2", "7"], Positions(first));
        Assert.Equal(["2", "3", "7"], Positions(added));
        Assert.Equal(["3", "7"], Positions(removed));
        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal("FINGER_NO_MATCH", refused.GetProperty("reason").GetString());
        Assert.Equal(["OK", templateId], Text(ok, "status", "completed_template_id"));
    }

    /// <summary>LOCAL\ADMIN at the helpdesk enrolls fingers 2 and 7 for denis; returns denis's id and the template id.</summary>
    private async Task<(string UserId, string TemplateId)> EnrollDenisAsync()
    {
        var login = await HelpdeskLoginAsync();
        var (_, user) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name={Uri.EscapeDataString("EXAMPLE\\denis")}&login_session_id={login}");
        var userId = user.GetProperty("id").GetString()!;
        await DeleteFingerTemplatesAsync(userId, login);

        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FINGER:1", user_id = userId });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var (_, first) = await DoEnrollAsync(login, processId, null);
        // Finger 2 as the capture helper returns it; finger 7 as a multi-finger reader does (numeric id, stringified capture).
        var captures = new JsonArray();
        for (var i = 1; i <= 3; i++)
            captures.Add(new JsonObject { ["Finger"] = "2", ["Image"] = new JsonObject { ["ISO"] = Fvc(101, i), ["captureStatus"] = "OK", ["Width"] = 296 } });
        for (var i = 1; i <= 3; i++)
            captures.Add(new JsonObject { ["Finger"] = 7, ["Image"] = new JsonObject { ["ISO"] = Fvc(102, i), ["captureStatus"] = "OK" }.ToJsonString() });
        var (_, added) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "add", ["captures"] = captures });
        var (_, done) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "end", ["multi_finger_reader_mode"] = false });
        var (saveStatus, saved) = await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId, comment = "Helpdesk" });
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");

        Assert.Equal(["MORE_DATA", "OAAF-3104", "FINGER_WAITING_CAPTURES"], Text(first, "status", "msgid", "reason"));
        Assert.Equal(0, first.GetProperty("finger_positions").GetArrayLength());
        Assert.Equal(["2", "7"], Positions(added));
        Assert.Equal(["OK", "OAAF-3101", "FINGER:1"], Text(done, "status", "msgid", "method_id"));
        Assert.Equal(HttpStatusCode.OK, saveStatus);
        var data = list.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("method_id").GetString() == "FINGER:1").GetProperty("data");
        Assert.Equal("""{"finger_positions":["2","7"],"duress_finger_index":null,"multi_finger_reader_mode":false}""", data.GetRawText());
        return (userId, saved.GetProperty("auth_t_id").GetString()!);
    }

    private async Task<string> HelpdeskLoginAsync()
    {
        var session = await _api.NewEndpointSessionAsync();
        var helpdesk = await _api.LogonAsync(session, "ADMIN", OpenAafFactory.AdminPassword, eventName: "Helpdesk");
        return helpdesk.GetProperty("login_session_id").GetString()!;
    }

    /// <summary>The tests enroll into the same server: each starts from a user without a fingerprint template.</summary>
    private async Task DeleteFingerTemplatesAsync(string userId, string login)
    {
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");
        foreach (var t in list.GetProperty("templates").EnumerateArray().Where(t => t.GetProperty("method_id").GetString() == "FINGER:1"))
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/users/{userId}/templates/{t.GetProperty("id").GetString()}?login_session_id={login}");
    }

    /// <summary>Seed 3.3 (POST /logon LDAP_PASSWORD:1), 3.4 (the password: NEXT), next FINGER:1, and an empty do_logon.</summary>
    private async Task<(JsonElement Started, JsonElement Next, JsonElement AtFinger, JsonElement Waiting)> ToFingerAsync(string session)
    {
        var (_, started) = await _api.StartLogonAsync(session, "denis", "LDAP_PASSWORD:1");
        var processId = started.GetProperty("logon_process_id").GetString()!;
        var (_, next) = await _api.AnswerAsync(session, processId, "Passw0rd!");
        var (_, atFinger) = await _api.PostAsync($"/api/v1/logon/{processId}/next", new { method_id = "FINGER:1", endpoint_session_id = session });
        var (_, waiting) = await _api.AnswerAsync(session, processId, null);
        return (started, next, atFinger, waiting);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> CaptureAsync(string session, JsonElement started, JsonObject capture) =>
        _api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{started.GetProperty("logon_process_id").GetString()}/do_logon",
            new JsonObject { ["endpoint_session_id"] = session, ["response"] = new JsonObject { ["capture"] = capture } }.ToJsonString());

    private Task<(HttpStatusCode Status, JsonElement Body)> DoEnrollAsync(string login, string processId, JsonObject? response, string? templateId = null) =>
        _api.SendAsync(HttpMethod.Post, $"/api/v1/enroll/{processId}/do_enroll",
            new JsonObject { ["login_session_id"] = login, ["auth_t_id"] = templateId, ["response"] = response }.ToJsonString());

    private static string?[] Positions(JsonElement reply) => [.. reply.GetProperty("finger_positions").EnumerateArray().Select(p => p.GetString())];

    private static string?[] Text(JsonElement e, params string[] keys) => [.. keys.Select(k => e.GetProperty(k).GetString())];
}
