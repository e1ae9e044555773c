using OpenAaf.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Tests.Methods.Otp;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Hotp;

/// <summary>Codes from <c>oathtool -c COUNTER</c> against HOTP:1 enrollment, logon and replay.</summary>
public sealed class HotpOathtoolTests
{
    private const string Seed = "a3f1c29e77b04d58e61f02ab9c3d4e5f60718293";

    [Fact]
    public async Task Oathtool_ReproducesTheRfcVectors()
    {
        Assert.Equal("254676", await Oathtool.HotpAsync(OtpVectors.Seed20Hex, 5));
        Assert.Equal(OtpVectors.Hotp[9], await Oathtool.HotpAsync(OtpVectors.Seed20Hex, 9));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public async Task SyncWithOathtoolCodes_ThenLogOn_AndReplayIsRefused(int digits)
    {
        var otp = new OtpTestContext(MethodIds.Hotp, Core.Policies.PolicySet.Defaults with
        {
            HotpMethod = new Core.Policies.HotpMethodOptions { OtpFormat = digits == 8 ? "dec8" : "dec6" },
        });
        var enrolled = await new HotpEnrollment().EnrollAsync(otp.Enroll(), OtpTestContext.Input(new
        {
            secret = Seed,
            hotp1 = await Oathtool.HotpAsync(Seed, 500, digits),
            hotp2 = await Oathtool.HotpAsync(Seed, 501, digits),
            hotp3 = await Oathtool.HotpAsync(Seed, 502, digits),
        }), default);
        otp.Save(Assert.IsType<EnrollStep.Done>(enrolled).Authenticator);
        var method = new HotpMethod();
        var code = await Oathtool.HotpAsync(Seed, 505, digits);   // two presses lost: inside the look-ahead

        var first = await method.AnswerAsync(otp.Logon(), OtpTestContext.Answer(code), default);
        otp.Apply(first);
        var replayed = await method.AnswerAsync(otp.Logon(), OtpTestContext.Answer(code), default);
        var next = await method.AnswerAsync(otp.Logon(), OtpTestContext.Answer(await Oathtool.HotpAsync(Seed, 506, digits)), default);

        Assert.IsType<MethodStep.Passed>(first);
        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(replayed).Outcome);
        Assert.IsType<MethodStep.Passed>(next);
        Assert.Equal(506, HotpSecret.Open(otp.Secrets, otp.Templates[0]).Counter);
    }

    [Fact]
    public async Task CodeBeyondTheLookAhead_IsWrong()
    {
        var otp = new OtpTestContext(MethodIds.Hotp);
        otp.Add(new HotpSecret { Secret = Convert.FromHexString(Seed), Counter = 100 }.ToBytes());

        var far = await new HotpMethod().AnswerAsync(otp.Logon(), OtpTestContext.Answer(await Oathtool.HotpAsync(Seed, 111)), default);
        var edge = await new HotpMethod().AnswerAsync(otp.Logon(), OtpTestContext.Answer(await Oathtool.HotpAsync(Seed, 110)), default);

        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(far).Outcome);
        Assert.IsType<MethodStep.Passed>(edge);
    }
}
