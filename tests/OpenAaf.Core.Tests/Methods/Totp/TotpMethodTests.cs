using System.Security.Cryptography;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Totp;

/// <summary>TOTP:1 logon (methods.md §5.1) beyond the scenario: prompts, algorithms, several templates, policy.</summary>
public sealed class TotpMethodTests
{
    private readonly OtpTestContext _otp = new(MethodIds.Totp);
    private readonly TotpMethod _method = new();

    private ValueTask<MethodStep> AnswerAsync(MethodInput input) => _method.AnswerAsync(_otp.Logon(), input, default);

    [Fact]
    public async Task NoAnswer_IsMoreDataOtpRequired()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        var none = Assert.IsType<MethodStep.MoreData>(await AnswerAsync(MethodInput.None));
        var nullAnswer = Assert.IsType<MethodStep.MoreData>(await AnswerAsync(OtpTestContext.Input(new { answer = (string?)null })));

        Assert.Equal(OtpOutcomes.OtpRequired, none.Outcome);
        Assert.Equal(OtpOutcomes.OtpRequired, nullAnswer.Outcome);
    }

    [Fact]
    public async Task AnswerOfAnotherType_OrEmpty_IsWrong()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        _otp.At(59);

        Assert.Equal(OtpOutcomes.OtpWrong, TotpReplayScenarioTests.Failure(await AnswerAsync(OtpTestContext.Input(new { answer = new[] { "287082" } }))));
        Assert.Equal(OtpOutcomes.OtpWrong, TotpReplayScenarioTests.Failure(await AnswerAsync(OtpTestContext.Answer(""))));
        Assert.True(OtpOutcomes.OtpWrong.CountsForLockout);
        Assert.True(OtpOutcomes.OtpAlreadyUsed.CountsForLockout);
    }

    [Fact]
    public async Task AnswerAsJsonNumber_IsTheSameCode()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        _otp.At(59);

        Assert.IsType<MethodStep.Passed>(await AnswerAsync(OtpTestContext.Input(new { answer = 287082 })));
    }

    [Theory]
    [MemberData(nameof(OtpVectors.Totp), MemberType = typeof(OtpVectors))]
    public async Task ImportedTokens_WithSha256AndSha512AndEightDigits_Verify(long time, OtpAlgorithm algorithm, string code)
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.SeedFor(algorithm), Algorithm = algorithm, Digits = 8 }.ToBytes());
        _otp.At(time);

        Assert.IsType<MethodStep.Passed>(await AnswerAsync(OtpTestContext.Answer(code)));
        Assert.Equal(OtpOutcomes.OtpWrong, TotpReplayScenarioTests.Failure(await AnswerAsync(OtpTestContext.Answer(code[2..]))));
    }

    [Fact]
    public async Task SeveralTemplates_TheOneThatVerifiesIsReported_AndStepsAreIndependent()
    {
        var other = _otp.Add(new TotpSecret { Secret = OtpVectors.Seed32 }.ToBytes());
        var rfc = _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20, LastUsedStep = 1 }.ToBytes());
        _otp.At(59);
        var otherCode = OtpCalculator.Compute(OtpVectors.Seed32, 1, 6);

        // The RFC template already used step 1; the other template has not.
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, TotpReplayScenarioTests.Failure(await AnswerAsync(OtpTestContext.Answer("287082"))));
        var passed = Assert.IsType<MethodStep.Passed>(await AnswerAsync(OtpTestContext.Answer(otherCode)));
        Assert.Equal(other.Id, passed.Template.Id);
        Assert.NotEqual(rfc.Id, passed.Template.Id);
    }

    [Theory]
    [InlineData(0, 61, "969429", false)]   // T+1 needs a window of 1
    [InlineData(1, 61, "969429", true)]
    [InlineData(1, 61, "338314", false)]   // T+2
    [InlineData(2, 61, "338314", true)]
    [InlineData(2, 125, "359152", true)]   // T−2
    [InlineData(1, 125, "359152", false)]
    public async Task Window_ComesFromThePolicy(int window, long time, string code, bool accepted)
    {
        _otp.Policies = PolicySet.Defaults with { TotpMethod = new TotpMethodOptions { OtpWindow = window } };
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        _otp.At(time);

        var step = await AnswerAsync(OtpTestContext.Answer(code));

        Assert.Equal(accepted, step is MethodStep.Passed);
    }

    [Fact]
    public async Task Period_ComesFromTheTemplate()
    {
        _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20, Period = 60 }.ToBytes());
        _otp.At(125);   // T = 2 with a 60 s period

        Assert.IsType<MethodStep.Passed>(await AnswerAsync(OtpTestContext.Answer("359152")));
    }

    [Fact]
    public async Task APayloadSealedForAnotherUser_DoesNotOpen()
    {
        var template = _otp.Add(new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        _otp.Templates[0] = template with { UserId = "another-user" };
        _otp.At(59);

        await Assert.ThrowsAnyAsync<CryptographicException>(async () => await AnswerAsync(OtpTestContext.Answer("287082")));
    }
}
