using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Helpdesk sessions on other users' data, unlock, events, enroll chains and delete-me (api.md §4.6, §9).</summary>
public sealed class HelpdeskApiTests : IDisposable
{
    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;

    public HelpdeskApiTests()
    {
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") }),
            new JsonArray(
                new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
                new JsonObject { ["name"] = "Helpdesk", ["chains"] = new JsonArray("Password only") }));
        _factory = new OpenAafFactory(bootstrap, policies: new JsonObject
        {
            ["HelpdeskOptions"] = new JsonObject { ["allow_unlock_users"] = true },
            ["DeleteMeOptions"] = new JsonObject { ["delete_me_enabled"] = true },
        });
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(string Login, string UserId)> LoginAsync(string user, string password, string eventName)
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, user, password, eventName: eventName);
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        return (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);
    }

    [Fact]
    public async Task AHelpdeskOperator_ManagesOthers_UnlocksThem_AndListsEvents()
    {
        var (_, aliceId) = await LoginAsync("alice", "Al1ce!pass", "Authenticators Management");
        var session = await _api.NewEndpointSessionAsync();
        for (var i = 0; i < 3; i++) await _api.LogonAsync(session, "alice", "bad");
        var (desk, _) = await LoginAsync("admin", OpenAafFactory.AdminPassword, "Helpdesk");
        var (aliceDesk, _) = await LoginAsync("admin", OpenAafFactory.AdminPassword, "Authenticators Management");

        var (listStatus, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{aliceId}/templates?login_session_id={desk}");
        var (findStatus, found) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name=alice&login_session_id={desk}");
        var (unlockStatus, _) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{aliceId}/unlock?login_session_id={desk}", "null");
        var afterUnlock = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var (eventsStatus, events) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/events?login_session_id={desk}");
        var selfScope = await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{aliceId}/unlock?login_session_id={aliceDesk}", "null");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Single(list.GetProperty("templates").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, findStatus);
        Assert.Equal(aliceId, found.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, found.GetProperty("last_fail_at").ValueKind);
        Assert.Equal(HttpStatusCode.OK, unlockStatus);
        Assert.Equal("OK", afterUnlock.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, eventsStatus);
        Assert.Contains(events.GetProperty("events").EnumerateArray(), e => e.GetProperty("data_id").GetString() == "HELPDESK");
        Assert.Equal((HttpStatusCode)403, selfScope.Status);
    }

    [Fact]
    public async Task AHelpdeskSessionWithoutAHelpdeskRole_IsRefused()
    {
        var (_, adminId) = await LoginAsync("admin", OpenAafFactory.AdminPassword, "Authenticators Management");
        var (desk, _) = await LoginAsync("alice", "Al1ce!pass", "Helpdesk");

        var (status, _) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{adminId}/templates?login_session_id={desk}");
        var (eventsStatus, _) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/events?login_session_id={desk}");

        Assert.Equal((HttpStatusCode)403, status);
        Assert.Equal((HttpStatusCode)403, eventsStatus);
    }

    [Fact]
    public async Task AnUnknownUser_Is404OnTheUserRoutes_And400WhereALogonNamesIt()
    {
        var (desk, _) = await LoginAsync("admin", OpenAafFactory.AdminPassword, "Helpdesk");
        var unknownId = new string('f', 32);

        var find = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name=nobody&login_session_id={desk}");
        var templates = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{unknownId}/templates?login_session_id={desk}");
        var recipient = await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{unknownId}/method/SMS_OTP:1/get_recipient?login_session_id={desk}", "null");
        var chains = await _api.SendAsync(HttpMethod.Post, $"/api/v1/enroll/chains/get?user_name=nobody&login_session_id={desk}", "null");

        Assert.All([find, templates, recipient], r => Assert.Equal(((HttpStatusCode)404, "AUCORE-1056"), (r.Status, Msgid(r.Body))));
        Assert.Equal(((HttpStatusCode)400, "AUCORE-1056"), (chains.Status, Msgid(chains.Body)));
    }

    private static string? Msgid(JsonElement body) => body.GetProperty("errors")[0].GetProperty("msgid").GetString();

    [Fact]
    public async Task EnrollChains_ReportWhatIsEnrolledPerCategory()
    {
        var (login, _) = await LoginAsync("alice", "Al1ce!pass", "Authenticators Management");

        var (status, body) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/enroll/chains/get?login_session_id={login}", "null");

        Assert.Equal(HttpStatusCode.OK, status);
        var chain = Assert.Single(body.GetProperty("chains").GetProperty("").EnumerateArray());
        Assert.Equal("Password only", chain.GetProperty("name").GetString());
        var method = chain.GetProperty("methods")[0];
        Assert.Equal(("PASSWORD:1", true), (method.GetProperty("id").GetString(), method.GetProperty("is_enrolled").GetBoolean()));
    }

    [Fact]
    public async Task DeleteMe_RemovesTheTemplatesAndEndsTheSessions_OfItsOwnerOnly()
    {
        var (login, userId) = await LoginAsync("alice", "Al1ce!pass", "Authenticators Management");
        var (_, adminId) = await LoginAsync("admin", OpenAafFactory.AdminPassword, "Authenticators Management");

        var other = await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{adminId}/delete?login_session_id={login}", "null");
        var (status, _) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{userId}/delete?login_session_id={login}", "null");
        var after = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");
        var session = await _api.NewEndpointSessionAsync();
        var logon = await _api.LogonAsync(session, "alice", "Al1ce!pass");

        Assert.Equal((HttpStatusCode)403, other.Status);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((HttpStatusCode)434, after.Status);
        Assert.Equal("METHOD_NOT_ENROLLED", logon.GetProperty("reason").GetString());
    }
}
