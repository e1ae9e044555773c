using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Methods.Otp;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Hotp;

/// <summary>HOTP:1 logon (methods.md §6.1) with the RFC 4226 vectors.</summary>
public sealed class HotpMethodTests
{
    private readonly OtpTestContext _otp = new(MethodIds.Hotp);
    private readonly HotpMethod _method = new();

    private async Task<MethodStep> AnswerAsync(string answer)
    {
        var step = await _method.AnswerAsync(_otp.Logon(), OtpTestContext.Answer(answer), default);
        _otp.Apply(step);
        return step;
    }

    private long Counter => HotpSecret.Open(_otp.Secrets, _otp.Templates[0]).Counter;

    private static Outcome Failure(MethodStep step) => Assert.IsType<MethodStep.Failed>(step).Outcome;

    [Fact]
    public async Task NoAnswer_IsMoreDataOtpRequired()
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        var step = await _method.AnswerAsync(_otp.Logon(), MethodInput.None, default);

        Assert.Equal(OtpOutcomes.OtpRequired, Assert.IsType<MethodStep.MoreData>(step).Outcome);
    }

    [Fact]
    public async Task EveryRfcCode_InOrder_MovesTheCounterPastIt()
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        for (var count = 0; count < OtpVectors.Hotp.Length; count++)
        {
            var passed = Assert.IsType<MethodStep.Passed>(await AnswerAsync(OtpVectors.Hotp[count]));
            Assert.Equal(OtpOutcomes.OtpAlreadyUsed, passed.ConflictOutcome);
            Assert.Equal(count + 1, Counter);
        }
    }

    [Fact]
    public async Task ReplayedCode_IsBelowTheCounter_AndSimplyWrong()
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        Assert.IsType<MethodStep.Passed>(await AnswerAsync("755224"));
        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAsync("755224")));
        Assert.Equal(1, Counter);
    }

    [Theory]
    [InlineData(10, "520489", true)]    // count 9 from counter 0: inside the default look-ahead of 10
    [InlineData(3, "338314", false)]    // count 4 is beyond 0 + 3
    [InlineData(3, "969429", true)]     // count 3 = 0 + 3
    [InlineData(0, "287082", false)]
    [InlineData(0, "755224", true)]
    public async Task LookAhead_ComesFromThePolicy(int window, string code, bool accepted)
    {
        _otp.Policies = PolicySet.Defaults with { HotpMethod = new HotpMethodOptions { OtpWindow = window } };
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        Assert.Equal(accepted, await AnswerAsync(code) is MethodStep.Passed);
    }

    [Fact]
    public async Task SkippingAhead_SkipsTheCodesInBetween()
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        Assert.IsType<MethodStep.Passed>(await AnswerAsync("338314"));   // count 4
        Assert.Equal(5, Counter);
        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAsync("969429")));   // count 3: now behind
        Assert.IsType<MethodStep.Passed>(await AnswerAsync("254676"));   // count 5
    }

    [Theory]
    [InlineData("cccccccbcjdk755224", true)]
    [InlineData("CCCCCCCBCJDK755224", true)]
    [InlineData("755224", true)]
    [InlineData("cccccccbcjdk75522", false)]
    [InlineData("vvvvvvvvvvvv755224", false)]
    public async Task YubiKeyPublicId_IsStripped(string answer, bool accepted)
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20, TokenPublicId = "cccccccbcjdk" }.ToBytes());

        Assert.Equal(accepted, await AnswerAsync(answer) is MethodStep.Passed);
    }

    [Theory]
    [InlineData("75522")]
    [InlineData("7552240")]
    [InlineData("75522a")]
    [InlineData("")]
    public async Task WrongLengthOrNotDigits_IsOtpWrong(string answer)
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAsync(answer)));
        Assert.Equal(0, Counter);
    }

    [Fact]
    public async Task EightDigitToken_UsesItsOwnLength()
    {
        _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20, Digits = 8, Counter = 1 }.ToBytes());

        // RFC 6238's 8-digit SHA-1 code for T=1 is HOTP(seed, 1) with 8 digits.
        Assert.Equal(OtpOutcomes.OtpWrong, Failure(await AnswerAsync("287082")));
        Assert.IsType<MethodStep.Passed>(await AnswerAsync("94287082"));
    }
}
