using System.Net;
using OpenAaf.Core.Methods;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// A method that throws answers 200 FAILED METHOD_ERROR, never a 500, and leaves nothing stuck: the process is ended and
/// the user's next logon works (issue 7, defect 3).
/// </summary>
public sealed class MethodFaultTests
{
    private const string Poison = "makes the method throw";

    [Fact]
    public async Task ThrowingMethod_IsFailedMethodError_AndTheNextLogonWorks()
    {
        await using var server = new KestrelServer(OpenAafFactory.WithLocalUsers(), services => services.DecorateMethods(m =>
            m.Id != MethodIds.Password ? m : new InterceptedMethod(m, (input, _) =>
                input.GetString("answer") == Poison ? throw new InvalidOperationException("a bug in the method") : Task.CompletedTask)));
        var session = await server.Api.NewEndpointSessionAsync();
        var (_, started) = await server.Api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        var (status, failed) = await server.Api.AnswerAsync(session, id, Poison);
        var (after, _) = await server.Api.AnswerAsync(session, id, "Al1ce!pass");
        var ok = await server.Api.LogonAsync(session, "alice", "Al1ce!pass");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("FAILED", "OAAF-2104", "METHOD_ERROR"), (failed.GetProperty("status").GetString(),
            failed.GetProperty("msgid").GetString(), failed.GetProperty("reason").GetString()));
        Assert.Equal((HttpStatusCode)444, after);
        Assert.Equal("OK", ok.GetProperty("status").GetString());
    }
}
