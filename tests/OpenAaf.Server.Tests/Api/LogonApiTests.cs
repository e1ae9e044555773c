using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>The logon API over HTTP with LOCAL users (PASSWORD:1): statuses, codes, login sessions, chains.</summary>
public sealed class LogonApiTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public LogonApiTests(LocalServer server) => _api = server.Client;

    [Fact]
    public async Task PasswordLogon_IsOk_WithLoginSessionAndEveryEnvelopeKey()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (status, started) = await _api.StartLogonAsync(session, "admin", "PASSWORD:1");
        var (_, prompt) = await _api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, null);
        var (_, ok) = await _api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, OpenAafFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.3-more-data-u2f"), started));
        Assert.False(started.TryGetProperty("logon_hints", out _));
        Assert.Equal("ANSWER_REQUIRED", prompt.GetProperty("reason").GetString());
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal("AUCORE-2001", ok.GetProperty("msgid").GetString());
        Assert.Matches("^[A-Za-z0-9]{32}$", ok.GetProperty("login_session_id").GetString());
        Assert.Equal("LOCAL\\ADMIN", ok.GetProperty("user_name").GetString());
        Assert.Equal("FULL ADMINS", ok.GetProperty("user_role_assignments").GetString());
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("user_sid").ValueKind);
        var identity = new[] { "user_mobile_phone", "user_email", "user_sid", "user_sid_hex", "user_upn", "user_dn", "user_first_name", "plugins" };
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-2.6-ok-u2f"), ok, identity));
        Assert.Empty(SeedShape.Differences(SeedShape.Load("seed-3.7-ok-finger"), ok, [.. identity, "score"]));
    }

    [Fact]
    public async Task WrongPassword_FailsWithThePasswordCode_AndTheProcessIsGone()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        var (status, failed) = await _api.AnswerAsync(session, id, "wrong");
        var (gone, error) = await _api.AnswerAsync(session, id, "Al1ce!pass");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal("AUCORE-2007", failed.GetProperty("msgid").GetString());
        Assert.Equal("PASSWORD_WRONG", failed.GetProperty("reason").GetString());
        Assert.Equal((HttpStatusCode)444, gone);
        Assert.Equal("AUCORE-1001", error.GetProperty("errors")[0].GetProperty("msgid").GetString());
        Assert.Equal("Logon process is not found", error.GetProperty("errors")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task UnknownUserEventAndMethod_AreTheirOwn400s()
    {
        var session = await _api.NewEndpointSessionAsync();

        var user = await _api.StartLogonAsync(session, "nobody");
        var @event = await _api.StartLogonAsync(session, "admin", eventName: "No such event");
        var method = await _api.StartLogonAsync(session, "admin", "SMARTPHONE:1");
        var notInChain = await _api.StartLogonAsync(session, "admin", "LDAP_PASSWORD:1");

        Assert.Equal(("AUCORE-1056", HttpStatusCode.BadRequest), (Msgid(user.Body), user.Status));
        Assert.Equal(("OAAF-1107", HttpStatusCode.BadRequest), (Msgid(@event.Body), @event.Status));
        Assert.Equal(("OAAF-1109", HttpStatusCode.BadRequest), (Msgid(method.Body), method.Status));
        Assert.Equal(("OAAF-1112", HttpStatusCode.BadRequest), (Msgid(notInChain.Body), notInChain.Status));
    }

    [Fact]
    public async Task LoginSession_CanBeReadAndLoggedOut_OnlyThroughItsEndpoint()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var path = $"/api/v1/logon/sessions/{login}?endpoint_session_id={session}";

        var (readStatus, read) = await _api.SendAsync(HttpMethod.Get, path);
        var (_, logout) = await _api.SendAsync(HttpMethod.Delete, path);
        var (afterStatus, after) = await _api.SendAsync(HttpMethod.Get, path);
        var (unknownStatus, unknown) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/logon/sessions/{new string('x', 32)}?endpoint_session_id={session}");

        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("LOCAL\\alice", read.GetProperty("user_name").GetString());
        Assert.Equal("AUTHENTICATORS MANAGEMENT", read.GetProperty("data_id").GetString());
        Assert.Equal(ok.GetProperty("completed_chain").GetProperty("id_hex").GetString(), read.GetProperty("chain_id").GetString());
        Assert.Equal(JsonValueKind.Null, logout.ValueKind);
        Assert.Equal(((HttpStatusCode)434, "AUCORE-1067"), (afterStatus, Msgid(after)));
        Assert.Equal(((HttpStatusCode)434, "AUCORE-1066"), (unknownStatus, Msgid(unknown)));
    }

    [Fact]
    public async Task Chains_GetAndLegacyPost_ListTheOfferedChains()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (getStatus, get) = await _api.SendAsync(HttpMethod.Get,
            $"/api/v1/logon/chains?user_name=alice&event=Authenticators%20Management&is_trusted=true&endpoint_session_id={session}");
        var (postStatus, post) = await _api.SendAsync(HttpMethod.Post,
            $"/api/v1/logon/chains?username=alice&application=Authenticators%20Management&is_trusted=true&endpoint_session_id={session}", "null");

        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(HttpStatusCode.OK, postStatus);
        Assert.Equal("Password only", get.GetProperty("chains")[0].GetProperty("name").GetString());
        Assert.False(get.GetProperty("user_is_locked").GetBoolean());
        Assert.Equal(get.GetProperty("chains").GetRawText(), post.GetProperty("chains").GetRawText());
    }

    [Fact]
    public async Task Abort_EndsTheProcess_AndIsIdempotent()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        var (status, body) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/logon/{id}?endpoint_session_id={session}");
        var (again, _) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/logon/{id}?endpoint_session_id={session}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, body.ValueKind);
        Assert.Equal(HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task ConcurrentDoLogon_OnOneProcess_OnlyOneSucceeds()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _api.AnswerAsync(session, id, "Al1ce!pass")));

        Assert.Single(replies, r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "OK");
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Contains((int)r.Status, new[] { 444, 409 }));
    }

    private static string? Msgid(JsonElement error) => error.GetProperty("errors")[0].GetProperty("msgid").GetString();
}
