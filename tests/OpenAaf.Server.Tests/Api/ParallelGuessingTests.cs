using System.Net;
using System.Text.Json;
using OpenAaf.Core.Methods;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// With the default 3 failures / 300 s, a burst of wrong passwords for one LOCAL user runs three password checks and no
/// more, over HTTP and across endpoint sessions (issue 7, defect 2). Checks are counted inside the server, in the method.
/// </summary>
public sealed class ParallelGuessingTests
{
    private const int Guesses = 20;

    [Fact]
    public async Task TwentyWrongPasswordsAtOnce_FromTwentyEndpointSessions_RunThreeChecks()
    {
        var checks = new Rendezvous(Guesses, TimeSpan.FromSeconds(1));
        await using var server = new KestrelServer(OpenAafFactory.WithLocalUsers(), services => services.DecorateMethods(m =>
            m.Id == MethodIds.Password ? new InterceptedMethod(m, (_, _) => checks.ArriveAsync()) : m));
        var processes = new List<(string Session, string Id)>();
        for (var i = 0; i < Guesses; i++)
        {
            var session = await server.Api.NewEndpointSessionAsync();
            var (_, started) = await server.Api.StartLogonAsync(session, "alice");
            processes.Add((session, started.GetProperty("logon_process_id").GetString()!));
        }

        var replies = await Task.WhenAll(processes.Select(p => server.Api.AnswerAsync(p.Session, p.Id, "wrong")));
        var (_, chains) = await server.Api.SendAsync(HttpMethod.Get,
            $"/api/v1/logon/chains?user_name=alice&event=Authenticators%20Management&endpoint_session_id={processes[0].Session}");

        Assert.Equal(3, checks.Arrivals);
        Assert.All(replies, r => Assert.Equal((HttpStatusCode.OK, "FAILED"), (r.Status, r.Body.GetProperty("status").GetString())));
        Assert.Equal(3, replies.Count(r => Reason(r.Body) == "PASSWORD_WRONG"));
        Assert.Equal(Guesses - 3, replies.Count(r => Reason(r.Body) == "USER_LOCKED"));
        Assert.True(chains.GetProperty("user_is_locked").GetBoolean());
    }

    private static string? Reason(JsonElement envelope) => envelope.GetProperty("reason").GetString();
}
