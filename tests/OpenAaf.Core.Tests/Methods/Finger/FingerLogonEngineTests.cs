using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Tests.Fakes;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>FINGER:1 through the logon engine: score in the reply that matched only, lockout counting, capture_status.</summary>
public sealed class FingerLogonEngineTests
{
    private static readonly ChainDefinition PasswordAndFinger = LogonHarness.Chain("c7", "Password + Fingerprint", MethodIds.Password, MethodIds.Finger);

    private static async Task<(LogonHarness Harness, string UserId, string TemplateId)> SetupAsync()
    {
        var h = new LogonHarness([PasswordAndFinger], methods: [new FingerMethod()]);
        var userId = await h.AddLocalUserAsync("denis", "Passw0rd!");
        var bed = new FingerTestBed();
        var enrolled = bed.Opened(await bed.EnrollFingersAsync(("2", 1), ("7", 2)));
        var template = await h.AddSealedTemplateAsync(userId, MethodIds.Finger, enrolled.ToBytes(), FingerEndOperation.Data(enrolled));
        return (h, userId, template.Id);
    }

    private static async Task<LogonResult> AtFingerAsync(LogonHarness h)
    {
        var started = await h.StartAsync("denis", MethodIds.Password);
        var next = (await h.AnswerAsync(started, "Passw0rd!")).Result!;
        Assert.Equal(EnvelopeStatus.Next, next.Status);
        return (await h.Engine.NextAsync(next.Process.Id, h.Session.Id, MethodIds.Finger, default)).Result!;
    }

    private static async Task<LogonResult> CaptureAsync(LogonHarness h, LogonResult at, object? response) =>
        (await h.Engine.AnswerAsync(at.Process.Id, h.Session.Id, FingerTestBed.Input(response), default)).Result!;

    [Fact]
    public async Task WaitingThenMatched_IsOk_WithTheScoreAndTheTemplate()
    {
        var (h, _, templateId) = await SetupAsync();
        var at = await AtFingerAsync(h);

        var waiting = await CaptureAsync(h, at, null);
        var ok = await CaptureAsync(h, waiting, LogonCapture(Iso(1, 6)));

        Assert.Equal((EnvelopeStatus.MoreData, FingerOutcomes.FingerWaitingCapture), (waiting.Status, waiting.Outcome));
        Assert.False(waiting.Extras.ContainsKey("score"));
        Assert.Equal((EnvelopeStatus.Ok, Outcomes.Welcome), (ok.Status, ok.Outcome));
        Assert.Equal(templateId, ok.CompletedTemplateId);
        Assert.InRange((int)ok.Extras["score"]!, 40, 999);
        Assert.Equal(["PROCESS_STARTED", "", "PROCESS_STARTED", "FINGER_WAITING_CAPTURE", ""], h.Audit.Records.Select(r => r.Reason));
    }

    [Fact]
    public async Task NoMatch_IsFailedWithTheScore_AndCountsForLockout_ButABadRecordDoesNot()
    {
        var (h, userId, _) = await SetupAsync();

        var bad = await CaptureAsync(h, await AtFingerAsync(h), LogonCapture("bm90IGEgcmVjb3Jk"));
        var afterBad = (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures;
        var failed = await CaptureAsync(h, await AtFingerAsync(h), LogonCapture(Iso(3, 1)));
        var afterNoMatch = (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures;

        Assert.Equal((EnvelopeStatus.Failed, FingerOutcomes.FingerBadTemplate), (bad.Status, bad.Outcome));
        Assert.Equal(0, afterBad);
        Assert.Equal((EnvelopeStatus.Failed, FingerOutcomes.FingerNoMatch), (failed.Status, failed.Outcome));
        Assert.InRange((int)failed.Extras["score"]!, 0, 39);
        Assert.Equal(1, afterNoMatch);
    }

    [Fact]
    public async Task ACaptureFailure_CarriesItsStatus()
    {
        var (h, _, _) = await SetupAsync();

        var failed = await CaptureAsync(h, await AtFingerAsync(h), LogonCapture(Iso(1, 2), "Timeout"));

        Assert.Equal((EnvelopeStatus.Failed, FingerOutcomes.FingerCaptureFailed), (failed.Status, failed.Outcome));
        Assert.Equal("Timeout", (string?)failed.Extras["capture_status"]);
    }
}
