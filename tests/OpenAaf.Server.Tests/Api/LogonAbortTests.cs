using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Hosting;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// <c>DELETE /logon/{id}</c> is idempotent (api.md §5.5, corrected): a process of the caller's that has already ended,
/// however it ended, answers 200 <c>null</c>; an id that never existed, or another endpoint session's, stays 444
/// (issue 7, defect 7).
/// </summary>
public sealed class LogonAbortTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;

    public LogonAbortTests()
    {
        _factory = OpenAafFactory.WithLocalUsers(_clock);
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    private Task<(HttpStatusCode Status, JsonElement Body)> AbortAsync(string session, string processId) =>
        _api.SendAsync(HttpMethod.Delete, $"/api/v1/logon/{processId}?endpoint_session_id={session}");

    private async Task<(string Session, string ProcessId)> StartAsync()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        return (session, started.GetProperty("logon_process_id").GetString()!);
    }

    private static void AssertNull((HttpStatusCode Status, JsonElement Body) reply) =>
        Assert.Equal((HttpStatusCode.OK, JsonValueKind.Null), (reply.Status, reply.Body.ValueKind));

    [Fact]
    public async Task AfterOk_IsNull()
    {
        var (session, id) = await StartAsync();
        Assert.Equal("OK", (await _api.AnswerAsync(session, id, "Al1ce!pass")).Body.GetProperty("status").GetString());

        AssertNull(await AbortAsync(session, id));
    }

    [Fact]
    public async Task AfterFailed_IsNull()
    {
        var (session, id) = await StartAsync();
        Assert.Equal("FAILED", (await _api.AnswerAsync(session, id, "wrong")).Body.GetProperty("status").GetString());

        AssertNull(await AbortAsync(session, id));
    }

    [Fact]
    public async Task AfterAnAbort_IsNullAgain_AndTheProcessStaysGone()
    {
        var (session, id) = await StartAsync();

        var first = await AbortAsync(session, id);
        var second = await AbortAsync(session, id);
        var (answer, _) = await _api.AnswerAsync(session, id, "Al1ce!pass");

        AssertNull(first);
        AssertNull(second);
        Assert.Equal((HttpStatusCode)444, answer);
    }

    [Fact]
    public async Task AfterExpiry_FoundAtUse_IsNull()
    {
        var (session, id) = await StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(301));

        AssertNull(await AbortAsync(session, id));
    }

    [Fact]
    public async Task AfterExpiry_FoundByThePruner_IsNull()
    {
        var (session, id) = await StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(301));
        await _factory.Services.GetServices<IHostedService>().OfType<SessionPruner>().Single().PruneAsync(default);

        AssertNull(await AbortAsync(session, id));
    }

    [Fact]
    public async Task AfterAFinishedTemplateTest_IsNull()
    {
        var session = await _api.NewEndpointSessionAsync();
        var login = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var (loginSession, userId) = (login.GetProperty("login_session_id").GetString()!, login.GetProperty("user_id").GetString()!);
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={loginSession}");
        var templateId = list.GetProperty("templates")[0].GetProperty("id").GetString()!;
        var (_, tested) = await _api.PostAsync($"/api/v1/users/{userId}/templates/{templateId}/test",
            new { login_session_id = loginSession, response = new { answer = "Al1ce!pass" } });
        Assert.Equal("OK", tested.GetProperty("result").GetProperty("status").GetString());

        AssertNull(await AbortAsync(session, tested.GetProperty("logon_process_id").GetString()!));
    }

    [Fact]
    public async Task AnIdThatNeverExisted_Is444()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (status, body) = await AbortAsync(session, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal((HttpStatusCode)444, status);
        Assert.Equal("AUCORE-1001", body.GetProperty("errors")[0].GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task AnotherEndpointSessionsProcess_Is444_LiveOrEnded()
    {
        var (session, live) = await StartAsync();
        var (owner, ended) = await StartAsync();
        AssertNull(await AbortAsync(owner, ended));
        var stranger = await _api.NewEndpointSessionAsync();

        var (liveStatus, _) = await AbortAsync(stranger, live);
        var (endedStatus, _) = await AbortAsync(stranger, ended);

        Assert.Equal((HttpStatusCode)444, liveStatus);
        Assert.Equal((HttpStatusCode)444, endedStatus);
        AssertNull(await AbortAsync(session, live));
    }
}
