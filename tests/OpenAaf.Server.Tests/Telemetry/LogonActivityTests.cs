using System.Collections.Concurrent;
using System.Diagnostics;
using OpenAaf.Core.Telemetry;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// The <c>OpenAaf</c> activity source, seen by a plain <see cref="ActivityListener"/>: a span per logon call,
/// a child span per method verification, and under them a span per directory call. Other tests run at the
/// same time, so the spans of one logon are picked out by its process id and its trace.
/// </summary>
public sealed class LogonActivityTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == OpenAafTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };
    private readonly TelemetryServer _server = new(slapd);

    public void Dispose()
    {
        _listener.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task EachLogonCall_HasASpan_AndEachVerificationAChildSpan()
    {
        Listen();
        var session = await _server.Api.NewEndpointSessionAsync();
        var (ok, processId) = await _server.PasswordAsync(session, "carol", TelemetryServer.CarolPassword);

        var steps = StepsOf(processId);
        var start = Assert.Single(steps, a => a.OperationName == "logon start");
        var answer = Assert.Single(steps, a => a.OperationName == "logon do_logon");
        var verification = Assert.Single(ChildrenOf(answer));

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal(2, steps.Count);
        Assert.Equal(("MORE_DATA", "PROCESS_STARTED", "PASSWORD:1"), (Tag(start, "openaaf.result"), Tag(start, "openaaf.reason"), Tag(start, "openaaf.method")));
        Assert.Equal(("OK", "logon.step", ok.GetProperty("user_id").GetString()), (Tag(answer, "openaaf.result"), Tag(answer, "openaaf.action"), Tag(answer, "user.id")));
        Assert.Equal(("verify PASSWORD:1", "passed"), (verification.OperationName, Tag(verification, "openaaf.result")));
        Assert.DoesNotContain(ChildrenOf(start), a => a.OperationName.StartsWith("verify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongLdapPassword_ShowsTheDirectoryCallsUnderTheirSteps()
    {
        Listen();
        var session = await _server.Api.NewEndpointSessionAsync();
        var (failed, processId) = await _server.LdapPasswordAsync(session, "not-the-password");

        var steps = StepsOf(processId);
        var start = Assert.Single(steps, a => a.OperationName == "logon start");
        var answer = Assert.Single(steps, a => a.OperationName == "logon do_logon");
        var lookup = Assert.Single(ChildrenOf(start), a => a.OperationName == "directory find_by_login");
        var verification = Assert.Single(ChildrenOf(answer));
        var bind = Assert.Single(ChildrenOf(verification));

        Assert.Equal(("FAILED", "PASSWORD_WRONG"), (failed.GetProperty("status").GetString(), failed.GetProperty("reason").GetString()));
        Assert.Equal(("FAILED", "PASSWORD_WRONG"), (Tag(answer, "openaaf.result"), Tag(answer, "openaaf.reason")));
        Assert.Equal(("EXAMPLE", "found"), (Tag(lookup, "openaaf.repository"), Tag(lookup, "openaaf.outcome")));
        Assert.Equal(("verify LDAP_PASSWORD:1", "failed", "PASSWORD_WRONG"),
            (verification.OperationName, Tag(verification, "openaaf.result"), Tag(verification, "openaaf.reason")));
        Assert.Equal(("directory verify_password", ActivityKind.Client, "wrong"), (bind.OperationName, bind.Kind, Tag(bind, "openaaf.outcome")));
        // The spans carry ids and outcomes, never the password or the user's name or DN.
        Assert.DoesNotContain(StepsOf(processId).Concat([lookup, verification, bind]).SelectMany(a => a.TagObjects),
            t => t.Value?.ToString() is { } v && (v.Contains("not-the-password") || v.Contains("denis")));
    }

    private void Listen()
    {
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    private List<Activity> StepsOf(string processId) =>
        [.. _stopped.Where(a => a.OperationName.StartsWith("logon ", StringComparison.Ordinal) && Tag(a, "openaaf.logon_process.id") == processId)];

    private List<Activity> ChildrenOf(Activity parent) =>
        [.. _stopped.Where(a => a.TraceId == parent.TraceId && a.ParentSpanId == parent.SpanId)];

    private static string? Tag(Activity activity, string key) => activity.GetTagItem(key)?.ToString();
}
