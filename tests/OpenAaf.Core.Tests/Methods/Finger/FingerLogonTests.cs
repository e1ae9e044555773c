using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Testing.Fingerprints;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;
using OpenAaf.Core.Methods.Finger;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>methods.md §11.2: the waiting state, capture status, bad records, match and no match with their score.</summary>
public sealed class FingerLogonTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"capture": null}""")]
    [InlineData("""{"capture": {}}""")]
    [InlineData("""{"capture": {"ISO": null}}""")]
    public async Task NoCapture_WaitsForOne(string? response)
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var step = await bed.LogonAsync(response is null ? null : JsonDocument.Parse(response).RootElement);

        var more = Assert.IsType<MethodStep.MoreData>(step);
        Assert.Equal(FingerOutcomes.FingerWaitingCapture, more.Outcome);
        Assert.Empty(step.Extras);
    }

    [Fact]
    public async Task AnotherImpressionOfAnEnrolledFinger_Passes_WithTheTemplateAndAnIntegerScore()
    {
        var bed = new FingerTestBed();
        var template = await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var step = await bed.LogonAsync(LogonCapture(Iso(seed: 2, impression: 5)));

        var passed = Assert.IsType<MethodStep.Passed>(step);
        Assert.Equal(template.Id, passed.Template.Id);
        Assert.Equal(JsonValueKind.Number, step.Extras["score"]!.GetValueKind());
        Assert.InRange(FingerTestBed.Score(step), 40, 999);
        Assert.Equal(["score"], step.Extras.Keys);
    }

    [Fact]
    public async Task AFingerThatIsNotEnrolled_FailsNoMatch_WithItsScore()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var step = await bed.LogonAsync(LogonCapture(Iso(seed: 3, impression: 1)));

        var failed = Assert.IsType<MethodStep.Failed>(step);
        Assert.Equal(FingerOutcomes.FingerNoMatch, failed.Outcome);
        Assert.True(failed.Outcome.CountsForLockout);
        Assert.InRange(FingerTestBed.Score(step), 0, 39);
    }

    [Fact]
    public async Task TheDecisionUsesThePolicyThreshold()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));
        var genuine = FingerTestBed.Score(await bed.LogonAsync(LogonCapture(Iso(1, 4))));
        bed.Options = bed.Options with { Threshold = genuine + 1 };

        var step = await bed.LogonAsync(LogonCapture(Iso(1, 4)));

        Assert.Equal(FingerOutcomes.FingerNoMatch, Assert.IsType<MethodStep.Failed>(step).Outcome);
        Assert.Equal(genuine, FingerTestBed.Score(step));
    }

    [Theory]
    [InlineData("OK")]
    [InlineData("Ok")]
    [InlineData("ok")]
    public async Task TheSeedCapture_EnrolledAndPresentedAgain_Matches(string status)
    {
        var bed = new FingerTestBed { Options = new() { FingersNumber = 1, CapturesNumberPerFinger = 1 } };
        await bed.EnrollAsync(Add([Item("1", SeedCapture.Base64)]));
        bed.Save(await bed.EnrollAsync(new { operation = "end" }));

        var step = await bed.LogonAsync(LogonCapture(SeedCapture.Base64, status));

        Assert.IsType<MethodStep.Passed>(step);
        Assert.InRange(FingerTestBed.Score(step), 100, 999); // test-vectors.md §5: a self-match scores in the hundreds
    }

    [Fact]
    public async Task WithoutStatus_Base64Url_AndAStringifiedCapture_AreAccepted()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));
        var url = Iso(1, 4).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var bare = await bed.LogonAsync(new { capture = new { ISO = Iso(1, 4), Image = "Qk0=", Dpi = 500 } });
        var webSafe = await bed.LogonAsync(new { capture = new { ISO = url } });
        var stringified = await bed.LogonAsync(new { capture = JsonSerializer.Serialize(new { ISO = Iso(1, 4), captureStatus = "OK" }) });
        var snakeCased = await bed.LogonAsync(JsonDocument.Parse($$$"""{"capture": {"i_s_o": "{{{Iso(1, 4)}}}", "capture_status": "OK"}}""").RootElement);

        Assert.All([bare, webSafe, stringified, snakeCased], s => Assert.IsType<MethodStep.Passed>(s));
    }

    [Theory]
    [InlineData("Timeout")]
    [InlineData("NoReader")]
    [InlineData("IndexError")]
    public async Task AFailedCapture_EchoesItsStatus(string status)
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var step = await bed.LogonAsync(LogonCapture(Iso(1, 4), status));

        var failed = Assert.IsType<MethodStep.Failed>(step);
        Assert.Equal(FingerOutcomes.FingerCaptureFailed, failed.Outcome);
        Assert.False(failed.Outcome.CountsForLockout);
        Assert.Equal(status, (string?)step.Extras["capture_status"]);
        Assert.False(step.Extras.ContainsKey("score"));
    }

    [Fact]
    public async Task AFakeFinger_FailsAndCountsForLockout()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var failed = Assert.IsType<MethodStep.Failed>(await bed.LogonAsync(LogonCapture(Iso(1, 4), "fakefinger")));

        Assert.Equal(FingerOutcomes.FingerFake, failed.Outcome);
        Assert.True(failed.Outcome.CountsForLockout);
    }
}
