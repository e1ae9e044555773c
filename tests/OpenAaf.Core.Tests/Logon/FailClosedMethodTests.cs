using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Tests.Methods.Otp;

namespace OpenAaf.Core.Tests.Logon;

/// <summary>
/// A method that throws, or a template that does not open, fails that step closed: FAILED METHOD_ERROR, audited, the
/// process ended and the attempt counted; never an exception out of the engine (issue 7, defect 3).
/// </summary>
public sealed class FailClosedMethodTests
{
    private static readonly ChainDefinition TestOnly = LogonHarness.Chain("c0", "Test", ScriptedMethod.DefaultId);

    private static ScriptedMethod Throwing(Exception fault, bool firstStepAsks = false) => new((_, input, _) =>
        firstStepAsks && input.GetString("answer") is null
            ? ValueTask.FromResult<MethodStep>(new MethodStep.MoreData(Outcomes.AnswerRequired, "challenge"))
            : throw fault);

    [Fact]
    public async Task ThrowingMethod_FailsWithMethodError_AuditedEndedAndCounted()
    {
        var h = new LogonHarness([TestOnly], methods: [Throwing(new InvalidOperationException("bug"))]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");

        var reply = await h.AnswerAsync(started, "guess");
        var after = await h.AnswerAsync(started, "guess");

        Assert.Equal((EnvelopeStatus.Failed, Outcomes.MethodError), (reply.Result!.Status, reply.Result.Outcome));
        Assert.Equal(("OAAF-2104", "METHOD_ERROR"), (reply.Result.Outcome.MsgId, reply.Result.Outcome.Reason));
        Assert.Contains(h.Audit.Records, r => r.Action == "logon.step" && r.Result == "FAILED" && r.Reason == "METHOD_ERROR");
        Assert.Equal(Outcomes.LogonProcessNotFound, after.Error);
        Assert.Equal(1, (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task Fault_IsLoggedWithMethodAndExceptionType_ButNotTheMessageThatQuotesTheAnswer()
    {
        const string answer = "S3cret-guess";
        var h = new LogonHarness([TestOnly], methods: [new ScriptedMethod((_, input, _) =>
            throw new FormatException($"cannot parse '{input.GetString("answer")}'"))]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");

        await h.AnswerAsync(await h.StartAsync("alice"), answer);

        var line = Assert.Single(h.Logger.Lines);
        Assert.Contains(ScriptedMethod.DefaultId, line);
        Assert.Contains(nameof(FormatException), line);
        Assert.DoesNotContain(answer, line);
    }

    [Fact]
    public async Task CancellationThatIsNotTheCallers_IsAFaultToo()
    {
        var h = new LogonHarness([TestOnly], methods: [Throwing(new TaskCanceledException("an inner timeout"))]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");

        var reply = await h.AnswerAsync(await h.StartAsync("alice"), "guess");

        Assert.Equal(Outcomes.MethodError, reply.Result!.Outcome);
    }

    [Fact]
    public async Task DirectoryOutage_StaysAnOutage_KeepsTheProcessAndCountsNothing()
    {
        var h = new LogonHarness([TestOnly], methods: [Throwing(new DirectoryUnavailableException("down"))]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => h.AnswerAsync(started, "guess"));

        Assert.NotNull(await h.Processes.GetAsync(started.Process.Id, default));
        Assert.Equal(0, (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task ThrowingMethod_InTheSubProtocol_IsADeferredFailure()
    {
        var h = new LogonHarness([TestOnly], methods: [Throwing(new FormatException("bad"), firstStepAsks: true)]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");
        await h.AnswerAsync(started, null);

        var verdict = await h.Engine.AnswerSubProtocolAsync(started.Process.Id, ScriptedMethod.DefaultId, LogonHarness.Input("x"), default);
        var delivered = await h.AnswerAsync(started, null);

        Assert.Equal((EnvelopeStatus.Failed, Outcomes.MethodError), (verdict.Result!.Status, verdict.Result.Outcome));
        Assert.Equal((EnvelopeStatus.Failed, Outcomes.MethodError), (delivered.Result!.Status, delivered.Result.Outcome));
    }

    [Fact]
    public async Task DamagedTotpTemplate_DoesNotStopTheOtherTotpTemplateOrThePassword()
    {
        var chains = new[]
        {
            LogonHarness.Chain("c0", "TOTP only", MethodIds.Totp),
            LogonHarness.Chain("c1", "Password only", MethodIds.Password),
        };
        var h = new LogonHarness(chains, methods: [new TotpMethod()]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var damaged = await h.AddSealedTemplateAsync(userId, MethodIds.Totp, new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        await h.Templates.TryUpdateAsync(damaged with { Secret = Flip(damaged.Secret), CategoryId = "0001" }, damaged.Version, default);
        var good = await h.AddSealedTemplateAsync(userId, MethodIds.Totp, new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        var code = OtpCalculator.Compute(OtpVectors.Seed20, h.Time.GetUtcNow().ToUnixTimeSeconds() / 30, 6);

        var onlyDamaged = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Totp, categoryId: "0001"), code);
        var eitherTemplate = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Totp), code);
        var password = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Password), "Al1ce!pass");

        Assert.Equal((EnvelopeStatus.Failed, Outcomes.MethodError), (onlyDamaged.Result!.Status, onlyDamaged.Result.Outcome));
        Assert.Equal(EnvelopeStatus.Ok, eitherTemplate.Result!.Status);
        Assert.Equal(good.Id, eitherTemplate.Result.Process.CompletedTemplateId);
        Assert.Equal(EnvelopeStatus.Ok, password.Result!.Status);
    }

    private static byte[] Flip(byte[] sealedSecret)
    {
        var copy = sealedSecret.ToArray();
        copy[^1] ^= 0x01;
        return copy;
    }
}
