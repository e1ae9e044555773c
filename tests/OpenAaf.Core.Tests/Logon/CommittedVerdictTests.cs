using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Logon;

/// <summary>A verdict, once the method has reached it, is committed whatever the client does next (issue 7, defect 1).</summary>
public sealed class CommittedVerdictTests
{
    private static readonly ChainDefinition Slow = LogonHarness.Chain("c0", "Slow", ScriptedMethod.DefaultId);
    private static readonly ChainDefinition SlowThenPassword = LogonHarness.Chain("c1", "Slow + Password", ScriptedMethod.DefaultId, MethodIds.Password);

    /// <summary>A method that, given an answer, reports it is verifying and finishes only when the test lets it.</summary>
    private sealed class Verification
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ScriptedMethod Method(MethodStep verdictFor) => new(async (context, input, _) =>
        {
            if (input.GetString("answer") is null) return new MethodStep.MoreData(Outcomes.AnswerRequired, "challenge");
            Started.TrySetResult();
            // Like a bind already on the wire: it completes even though the caller has gone.
            await Finish.Task;
            return verdictFor is MethodStep.Passed ? new MethodStep.Passed(context.Templates[0]) : verdictFor;
        });
    }

    private static readonly MethodStep WrongGuess = new MethodStep.Failed(Outcomes.PasswordWrong);

    [Fact]
    public async Task WrongAnswer_VerdictReachedAfterTheCallerCancelled_IsCountedAuditedAndEndsTheProcess()
    {
        var verification = new Verification();
        var h = new LogonHarness([Slow], methods: [verification.Method(WrongGuess)]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");
        using var client = new CancellationTokenSource();

        var answer = h.AnswerAsync(started, "guess", client.Token);
        await verification.Started.Task;
        await client.CancelAsync();
        verification.Finish.SetResult();
        var reply = await answer;

        Assert.Equal((EnvelopeStatus.Failed, Outcomes.PasswordWrong), (reply.Result!.Status, reply.Result.Outcome));
        Assert.Equal(1, (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures);
        var audited = Assert.Single(h.Audit.Records, r => r.Action == "logon.step");
        Assert.Equal(("FAILED", "PASSWORD_WRONG", started.Process.Id), (audited.Result, audited.Reason, audited.LogonProcessId));
        Assert.Null(await h.Processes.GetAsync(started.Process.Id, default));
    }

    [Fact]
    public async Task RightAnswer_VerdictReachedAfterTheCallerCancelled_SavesTheProcessAsNext()
    {
        var verification = new Verification();
        var h = new LogonHarness([SlowThenPassword], methods: [verification.Method(new MethodStep.Passed(null!))]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice", ScriptedMethod.DefaultId);
        using var client = new CancellationTokenSource();

        var answer = h.AnswerAsync(started, "right", client.Token);
        await verification.Started.Task;
        await client.CancelAsync();
        verification.Finish.SetResult();
        var reply = await answer;

        Assert.Equal(EnvelopeStatus.Next, reply.Result!.Status);
        var stored = await h.Processes.GetAsync(started.Process.Id, default);
        Assert.Equal([ScriptedMethod.DefaultId], stored!.CompletedMethods);
        Assert.Contains(h.Audit.Records, r => r.Action == "logon.step" && r.Result == "NEXT");
    }

    [Fact]
    public async Task SubProtocolVerdict_ReachedAfterTheCallerCancelled_IsCountedAuditedAndKeptForTheNextDoLogon()
    {
        var verification = new Verification();
        var h = new LogonHarness([Slow], methods: [verification.Method(WrongGuess)]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");
        Assert.Equal(EnvelopeStatus.MoreData, (await h.AnswerAsync(started, null)).Result!.Status);
        using var client = new CancellationTokenSource();

        var answer = h.Engine.AnswerSubProtocolAsync(started.Process.Id, ScriptedMethod.DefaultId, LogonHarness.Input("guess"), client.Token);
        await verification.Started.Task;
        await client.CancelAsync();
        verification.Finish.SetResult();
        var reply = await answer;
        var delivered = await h.AnswerAsync(started, null);

        Assert.Equal(EnvelopeStatus.Failed, reply.Result!.Status);
        Assert.Equal(1, (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures);
        Assert.Contains(h.Audit.Records, r => r.Action == "logon.verify" && r.Result == "FAILED" && r.Reason == "PASSWORD_WRONG");
        Assert.Equal((EnvelopeStatus.Failed, Outcomes.PasswordWrong), (delivered.Result!.Status, delivered.Result.Outcome));
    }
}
