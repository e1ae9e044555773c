using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Tests.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Totp;

/// <summary>test-vectors.md §4.3: the window and replay scenario, step by step on one template.</summary>
public sealed class TotpReplayScenarioTests
{
    private readonly OtpTestContext _otp = new(MethodIds.Totp);
    private readonly TotpMethod _method = new();

    private async Task<MethodStep> AnswerAtAsync(long unixSeconds, string answer)
    {
        _otp.At(unixSeconds);
        var step = await _method.AnswerAsync(_otp.Logon(), OtpTestContext.Answer(answer), default);
        _otp.Apply(step);
        return step;
    }

    private long LastUsedStep => TotpSecret.Open(_otp.Secrets, _otp.Templates[0]).LastUsedStep;

    [Fact]
    public async Task Scenario_Steps1To7()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        Assert.Equal(-1, LastUsedStep);

        // 1: T=1, its own code.
        var first = Assert.IsType<MethodStep.Passed>(await AnswerAtAsync(59, "287082"));
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, first.ConflictOutcome);
        Assert.Equal(1, LastUsedStep);
        // 2: the same code again in the next step.
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Failure(await AnswerAtAsync(60, "287082")));
        // 3: one step ahead (clock skew) is inside the window.
        Assert.IsType<MethodStep.Passed>(await AnswerAtAsync(61, "969429"));
        Assert.Equal(3, LastUsedStep);
        // 4: the current step's code is older than the last accepted one.
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Failure(await AnswerAtAsync(65, "359152")));
        // 5: T=1 from T=4 is outside the window: wrong, not replayed.
        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAtAsync(125, "287082")));
        // 6.
        Assert.IsType<MethodStep.Passed>(await AnswerAtAsync(125, "338314"));
        Assert.Equal(4, LastUsedStep);
        // 7: wrong length or not digits.
        foreach (var malformed in new[] { "33831", "3383140", "33831a" })
            Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAtAsync(125, malformed)));
        Assert.Equal(4, LastUsedStep);
    }

    [Fact]
    public async Task Scenario_Step8_LeadingZeroIsKept()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        Assert.IsType<MethodStep.Passed>(await AnswerAtAsync(1111111109, "081804"));
        Assert.Equal(0x23523EC, LastUsedStep);
        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAtAsync(1111111170, "81804")));
    }

    [Fact]
    public async Task Step_IsSavedOnlyThroughTheUpdatedTemplate_NotByTheMethod()
    {
        var template = _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        _otp.At(59);

        var step = Assert.IsType<MethodStep.Passed>(await _method.AnswerAsync(_otp.Logon(), OtpTestContext.Answer("287082"), default));

        Assert.Same(template, step.Template);
        Assert.Equal(-1, TotpSecret.Open(_otp.Secrets, template).LastUsedStep);
        Assert.Equal(1, TotpSecret.Open(_otp.Secrets, step.UpdatedTemplate!).LastUsedStep);
        // Only the logon state changes; the sealed secret is the very same bytes (no new seal).
        Assert.Equal(template with { LogonState = step.UpdatedTemplate!.LogonState }, step.UpdatedTemplate);
        Assert.Same(template.Secret, step.UpdatedTemplate.Secret);
    }

    internal static Outcome Failure(MethodStep step) => Assert.IsType<MethodStep.Failed>(step).Outcome;
}
