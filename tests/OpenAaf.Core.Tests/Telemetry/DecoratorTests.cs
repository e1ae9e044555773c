using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenAaf.Core.Auditing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Telemetry;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Telemetry;

/// <summary>The decorators that instrument Core's seams: what they count, what they pass on unchanged.</summary>
public sealed class DecoratorTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordedMeters _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task LockoutStore_CountsEachCountedFailure_AndTheLockOnce()
    {
        var store = new InstrumentedLockoutStore(new FakeLockoutStore(), _meters.Metrics);
        var until = T0.AddMinutes(5);

        for (var i = 0; i < 4; i++) await store.RecordFailureAsync("u1", T0.AddSeconds(i), 3, until, default);
        var stillLocked = await store.GetAsync("u1", T0.AddSeconds(10), default);

        Assert.True(stillLocked.Locked);
        Assert.Equal(3, _meters.Of("openaaf.lockout.failures").Sum(m => m.Value));
        Assert.Equal(1, _meters.Of("openaaf.lockout.locks").Sum(m => m.Value));
    }

    [Fact]
    public async Task Directory_TimesEachCallByOutcome_AndPassesAnOutageOn()
    {
        var repository = new RepositoryDefinition { Id = "r1", Name = "JAGUAR", Kind = RepositoryKind.Ldap };
        var inner = new FakeDirectory(repository).Add("denis", "pw");
        var directory = new InstrumentedUserDirectoryFactory(inner, _meters.Metrics).Create(repository);

        var found = await directory.FindByLoginAsync("denis", default);
        var missing = await directory.FindByLoginAsync("nobody", default);
        var wrong = await directory.VerifyPasswordAsync(found.User!, "not-pw", default);
        inner.Down = true;
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.VerifyPasswordAsync(found.User!, "pw", default).AsTask());

        Assert.Equal((LookupStatus.Found, LookupStatus.NotFound, PasswordCheck.Wrong), (found.Status, missing.Status, wrong));
        var calls = _meters.Of("openaaf.directory.operation.duration").Select(m =>
            ((string)m.Tags["openaaf.repository"]!, (string)m.Tags["openaaf.directory.operation"]!, (string)m.Tags["openaaf.outcome"]!,
                m.Tags.GetValueOrDefault("error.type") as string)).ToList();
        Assert.Equal(
        [
            ("JAGUAR", "find_by_login", "found", null),
            ("JAGUAR", "find_by_login", "not_found", null),
            ("JAGUAR", "verify_password", "wrong", null),
            ("JAGUAR", "verify_password", "unavailable", typeof(DirectoryUnavailableException).FullName),
        ], calls);
        Assert.All(_meters.Of("openaaf.directory.operation.duration"), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task Method_RecordsTheVerdict_InAChildSpanOfTheStep_AndAThrowIsRethrown()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OpenAafTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var failing = new InstrumentedAuthenticationMethod(new ScriptedMethod(new MethodStep.Failed(Outcomes.PasswordWrong)), _meters.Metrics);
        var throwing = new InstrumentedAuthenticationMethod(new ScriptedMethod(null), _meters.Metrics);

        using (var step = LogonStepScope.Begin(_meters.Metrics, "do_logon"))
        {
            await failing.AnswerAsync(null!, MethodInput.None, default);
            await Assert.ThrowsAsync<InvalidOperationException>(() => throwing.AnswerAsync(null!, MethodInput.None, default).AsTask());
        }

        var verdicts = _meters.Of("openaaf.method.verification.duration").Select(m => ((string)m.Tags["openaaf.result"]!, m.Tags.GetValueOrDefault("error.type"))).ToList();
        Assert.Equal([("failed", null), ("error", typeof(InvalidOperationException).FullName)], verdicts);
        var stepSpan = Assert.Single(activities, a => a.OperationName == "logon do_logon");
        var spans = activities.Where(a => a.ParentSpanId == stepSpan.SpanId).ToList();
        Assert.Equal(["verify TEST:1", "verify TEST:1"], spans.Select(a => a.OperationName));
        Assert.Equal(("failed", "PASSWORD_WRONG"), (spans[0].GetTagItem("openaaf.result"), spans[0].GetTagItem("openaaf.reason")));
        Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
        // The step had no audit record: it is timed as an error envelope.
        Assert.Equal("ERROR", Assert.Single(_meters.Of("openaaf.logon.step.duration")).Tags["openaaf.result"]);
    }

    [Fact]
    public async Task AuditSink_CountsAndLogsEachLogonStep_AndTellsTheStepItsResult()
    {
        var inner = new FakeAuditSink();
        var log = new ListLoggerFactory();
        var sink = new InstrumentedAuditSink(inner, _meters.Metrics, log);
        var step = new AuditRecord
        {
            Time = T0, Action = "logon.step", EndpointId = "e1", EventName = "Default", MethodId = "TOTP:1", UserId = "u1",
            UserName = "JAGUAR\\denis", LogonProcessId = "p1", Result = "FAILED", MsgId = "OAAF-2131", Reason = "OTP_WRONG",
        };
        var other = new AuditRecord { Time = T0, Action = "endpoint.create", EndpointId = "e2", Result = "OK" };

        using (LogonStepScope.Begin(_meters.Metrics, "do_logon"))
        {
            await sink.WriteAsync(step, default);
        }
        await sink.WriteAsync(other, default);

        Assert.Equal([step, other], inner.Records);
        var counted = Assert.Single(_meters.Of("openaaf.logon.steps"));
        Assert.Equal(("logon.step", "TOTP:1", "FAILED", "OTP_WRONG"),
            (counted.Tags["openaaf.action"], counted.Tags["openaaf.method"], counted.Tags["openaaf.result"], counted.Tags["openaaf.reason"]));
        var timed = Assert.Single(_meters.Of("openaaf.logon.step.duration"));
        Assert.Equal(("do_logon", "TOTP:1", "FAILED"), (timed.Tags["openaaf.step"], timed.Tags["openaaf.method"], timed.Tags["openaaf.result"]));
        Assert.Equal(
        [
            "OpenAaf.Logon Information: logon.step FAILED msgid=OAAF-2131 reason=OTP_WRONG process=p1 endpoint=e1 user=u1 method=TOTP:1 event=Default chain=",
            "OpenAaf.Logon Information: endpoint.create OK msgid= reason= endpoint=e2 user=",
        ], log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains("denis"));
    }

    private sealed class ScriptedMethod(MethodStep? step) : IAuthenticationMethod
    {
        public string Id => "TEST:1";

        public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

        public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return step ?? throw new InvalidOperationException("method bug");
        }
    }

    private sealed class ListLoggerFactory : ILoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose() { }

        private sealed class Logger(ListLoggerFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)}");
        }
    }
}
