using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Templates and portal helpers with a login session (api.md §8, §9), on LOCAL users' PASSWORD:1 templates.</summary>
public sealed class TemplatesApiTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public TemplatesApiTests(LocalServer server) => _api = server.Client;

    private async Task<(string Login, string UserId)> LoginAsync(string user = "alice", string password = "Al1ce!pass")
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, user, password);
        return (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);
    }

    [Fact]
    public async Task List_ShowsThePasswordTemplate_WithoutItsSecret()
    {
        var (login, userId) = await LoginAsync();

        var (status, body) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");

        Assert.Equal(HttpStatusCode.OK, status);
        var template = Assert.Single(body.GetProperty("templates").EnumerateArray());
        Assert.Equal(("PASSWORD:1", "Password", "", true), (template.GetProperty("method_id").GetString(),
            template.GetProperty("method_title").GetString(), template.GetProperty("category_id").GetString(), template.GetProperty("is_enrolled").GetBoolean()));
        Assert.True(template.GetProperty("data").TryGetProperty("password_changed_at", out _));
        Assert.DoesNotContain("argon2", body.GetRawText());
    }

    [Fact]
    public async Task Test_RunsTheMethodAgainstTheTemplate_WithoutALoginSession_OrLockout()
    {
        var (login, userId) = await LoginAsync();
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");
        var templateId = list.GetProperty("templates")[0].GetProperty("id").GetString()!;
        var path = $"/api/v1/users/{userId}/templates/{templateId}/test";

        for (var i = 0; i < 3; i++)
            Assert.Equal("FAILED", (await _api.PostAsync(path, new { login_session_id = login, response = new { answer = "bad" } })).Body
                .GetProperty("result").GetProperty("status").GetString());
        var (status, ok) = await _api.PostAsync(path, new { login_session_id = login, response = new { answer = "Al1ce!pass" } });
        var (_, prompt) = await _api.PostAsync(path, new { login_session_id = login });
        var (later, _) = await _api.PostAsync(path, new { login_session_id = login, logon_process_id = prompt.GetProperty("logon_process_id").GetString(), response = new { answer = "Al1ce!pass" } });

        Assert.Equal(HttpStatusCode.OK, status);
        var result = ok.GetProperty("result");
        Assert.Equal(("OK", "AUCORE-2001", templateId), (result.GetProperty("status").GetString(), result.GetProperty("msgid").GetString(),
            result.GetProperty("completed_template_id").GetString()));
        Assert.False(result.TryGetProperty("login_session_id", out _));
        Assert.False(result.TryGetProperty("completed_chain", out _));
        Assert.Equal(0, result.GetProperty("chains").GetArrayLength());
        Assert.Equal("", result.GetProperty("event_name").GetString());
        Assert.Equal("LOCAL\\alice", result.GetProperty("user_name").GetString());
        Assert.Equal(ok.GetProperty("logon_process_id").GetString(), result.GetProperty("logon_process_id").GetString());
        Assert.Equal("ANSWER_REQUIRED", prompt.GetProperty("result").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, later);
    }

    [Fact]
    public async Task ModifyAndDelete_AndUnknownTemplates_Are404()
    {
        var (login, userId) = await LoginAsync("ADMIN", OpenAafFactory.AdminPassword);
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");
        var templateId = list.GetProperty("templates")[0].GetProperty("id").GetString()!;
        var path = $"/api/v1/users/{userId}/templates/{templateId}";

        var (putStatus, put) = await _api.SendAsync(HttpMethod.Put, path, JsonSerializer.Serialize(new { login_session_id = login, comment = "main" }));
        var (_, after) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");
        var (unknownStatus, unknown) = await _api.SendAsync(HttpMethod.Put, $"/api/v1/users/{userId}/templates/{new string('0', 32)}",
            JsonSerializer.Serialize(new { login_session_id = login, comment = "x" }));
        var (badProcess, process) = await _api.SendAsync(HttpMethod.Put, path, JsonSerializer.Serialize(new { login_session_id = login, enroll_process_id = "nope" }));

        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal(JsonValueKind.Null, put.ValueKind);
        Assert.Equal("main", after.GetProperty("templates")[0].GetProperty("comment").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "OAAF-4102"), (unknownStatus, unknown.GetProperty("errors")[0].GetProperty("msgid").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "AUCORE-1015"), (badProcess, process.GetProperty("errors")[0].GetProperty("msgid").GetString()));
        Assert.Equal("Enrollment process is not found nope", process.GetProperty("errors")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task ASelfSession_SeesOnlyItsOwnData()
    {
        var (alice, _) = await LoginAsync();
        var (_, adminId) = await LoginAsync("ADMIN", OpenAafFactory.AdminPassword);

        var templates = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{adminId}/templates?login_session_id={alice}");
        var unknownUser = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{new string('f', 32)}/templates?login_session_id={alice}");
        var findOther = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name=admin&login_session_id={alice}");
        var findNobody = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name=nobody&login_session_id={alice}");
        var (selfStatus, self) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users?user_name=LOCAL%5Calice&login_session_id={alice}");
        var noSession = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{adminId}/templates?login_session_id={new string('x', 32)}");

        Assert.Equal((HttpStatusCode)403, templates.Status);
        Assert.Equal((HttpStatusCode)403, unknownUser.Status);
        Assert.Equal((HttpStatusCode)403, findOther.Status);
        Assert.Equal((HttpStatusCode)403, findNobody.Status);
        Assert.Equal(HttpStatusCode.OK, selfStatus);
        Assert.Equal(("LOCAL\\alice", "alice", "LOCAL"), (self.GetProperty("user_name").GetString(), self.GetProperty("loginame").GetString(), self.GetProperty("repo_name").GetString()));
        Assert.Equal(((HttpStatusCode)434, "AUCORE-1066"), (noSession.Status, noSession.Body.GetProperty("errors")[0].GetProperty("msgid").GetString()));
    }

    [Fact]
    public async Task Helpers_ListMethodsCategoriesAndTheEffectivePolicy_WithSecretsNulled()
    {
        var (login, userId) = await LoginAsync();

        var (_, methods) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/methods/get?login_session_id={login}", "null");
        var (_, categories) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/categories?login_session_id={login}");
        var (_, policy) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/effective_policy?login_session_id={login}");

        Assert.Contains(methods.GetProperty("methods").EnumerateArray(), m => m.GetProperty("id").GetString() == "PASSWORD:1" && m.GetProperty("title").GetString() == "Password");
        Assert.Equal(JsonValueKind.Array, categories.GetProperty("categories").ValueKind);
        var totp = policy.GetProperty("policy").GetProperty("TOTPMethod");
        Assert.Equal("TOTPMethod", totp.GetProperty("component_id").GetString());
        Assert.Equal(30, totp.GetProperty("data").GetProperty("otp_period").GetInt32());
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("policy").GetProperty("SMSSender").GetProperty("data").GetProperty("password").ValueKind);
        Assert.Equal(3, policy.GetProperty("policy").GetProperty("LockoutOptions").GetProperty("data").GetProperty("failed_attempts").GetInt32());
    }

    [Fact]
    public async Task Enroll_RefusesUnknownMethods_AndCancelIsAlwaysNull()
    {
        var (login, _) = await LoginAsync();

        var unsupported = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "SMARTPHONE:1" });
        var missing = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login });
        var (cancelStatus, cancel) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/enroll/nope?login_session_id={login}");
        var (stepStatus, step) = await _api.PostAsync("/api/v1/enroll/nope/do_enroll", new { login_session_id = login });

        Assert.Equal(((HttpStatusCode)400, "OAAF-1109"), (unsupported.Status, unsupported.Body.GetProperty("errors")[0].GetProperty("msgid").GetString()));
        Assert.Equal(((HttpStatusCode)400, "method_id"), (missing.Status, missing.Body.GetProperty("errors")[0].GetProperty("name").GetString()));
        Assert.Equal((HttpStatusCode.OK, JsonValueKind.Null), (cancelStatus, cancel.ValueKind));
        Assert.Equal(HttpStatusCode.OK, stepStatus);
        Assert.Equal(("FAILED", "AUCORE-1015", "PROCESS_NOT_FOUND_OR_EXPIRED", ""), (step.GetProperty("status").GetString(),
            step.GetProperty("msgid").GetString(), step.GetProperty("reason").GetString(), step.GetProperty("method_id").GetString()));
        Assert.Equal("Enrollment process is not found nope", step.GetProperty("msg").GetString());
    }
}
