using OpenAaf.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Tests.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Totp;

/// <summary>Codes from oathtool, the independent generator of methods.md §5.3, against TOTP:1 logon and enrollment.</summary>
public sealed class TotpOathtoolTests
{
    // Not an RFC seed: nothing here was computed with the code under test.
    private static readonly byte[] Seed = Convert.FromHexString("8f1c3e5a7b9d0f2e4c6a8b0d1f3e5c7a9b2d4f6e8a0c1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b");

    private static byte[] SeedOf(int length) => Seed[..length];

    public static TheoryData<string, OtpAlgorithm, int, int, long> Cases => new()
    {
        { "sha1", OtpAlgorithm.Sha1, 20, 6, 59 },
        { "sha1", OtpAlgorithm.Sha1, 20, 8, 1111111109 },
        { "sha1", OtpAlgorithm.Sha1, 10, 6, 1_700_000_000 },
        { "sha256", OtpAlgorithm.Sha256, 32, 6, 1234567890 },
        { "sha256", OtpAlgorithm.Sha256, 32, 8, 2000000000 },
        { "sha512", OtpAlgorithm.Sha512, 38, 6, 1_800_000_015 },
        { "sha512", OtpAlgorithm.Sha512, 38, 8, 20000000000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OathtoolCodes_LogOn_Once(string name, OtpAlgorithm algorithm, int seedLength, int digits, long time)
    {
        var seed = SeedOf(seedLength);
        var otp = new OtpTestContext(MethodIds.Totp);
        otp.Add(new TotpSecret { Secret = seed, Algorithm = algorithm, Digits = digits }.ToBytes());
        otp.At(time);
        var code = await Oathtool.TotpAsync(Convert.ToHexString(seed), time, name, digits);
        var method = new TotpMethod();

        var first = await method.AnswerAsync(otp.Logon(), OtpTestContext.Answer(code), default);
        otp.Apply(first);
        otp.At(time + 30);
        var replayed = await method.AnswerAsync(otp.Logon(), OtpTestContext.Answer(code), default);

        Assert.Equal(digits, code.Length);
        Assert.IsType<MethodStep.Passed>(first);
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Assert.IsType<MethodStep.Failed>(replayed).Outcome);
    }

    [Fact]
    public async Task OathtoolCodes_OfNeighbouringSteps_FollowTheWindow()
    {
        var otp = new OtpTestContext(MethodIds.Totp);
        otp.Add(new TotpSecret { Secret = SeedOf(20) }.ToBytes());
        otp.At(1_700_000_000);
        var hex = Convert.ToHexString(SeedOf(20));
        var twoAhead = await Oathtool.TotpAsync(hex, 1_700_000_060);
        var oneBehind = await Oathtool.TotpAsync(hex, 1_699_999_970);

        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(await new TotpMethod().AnswerAsync(otp.Logon(), OtpTestContext.Answer(twoAhead), default)).Outcome);
        Assert.IsType<MethodStep.Passed>(await new TotpMethod().AnswerAsync(otp.Logon(), OtpTestContext.Answer(oneBehind), default));
    }

    [Fact]
    public async Task GeneratedEnrollment_WithAnOathtoolCodeFromTheBase32Secret_ThenLogOn()
    {
        var otp = new OtpTestContext(MethodIds.Totp);
        var base32 = Base32.Encode(SeedOf(20));
        otp.At(1_750_000_000);
        var enrollCode = await Oathtool.TotpBase32Async(base32, 1_750_000_000);

        var done = Assert.IsType<EnrollStep.Done>(await new TotpEnrollment().EnrollAsync(otp.Enroll(),
            OtpTestContext.Input(new { is_base32_secret = true, secret = base32.ToLowerInvariant(), otp = enrollCode }), default));
        otp.Save(done.Authenticator);
        otp.At(1_750_000_030);
        var logonCode = await Oathtool.TotpBase32Async(base32, 1_750_000_030);

        Assert.IsType<MethodStep.Passed>(await new TotpMethod().AnswerAsync(otp.Logon(), OtpTestContext.Answer(logonCode), default));
    }

    [Fact]
    public async Task Oathtool_ReproducesTheRfcVectors()
    {
        // test-vectors.md §4.2 "Independent generator": the tool and the table agree, so the table is a fair oracle.
        Assert.Equal("07081804", await Oathtool.TotpAsync(OtpVectors.Seed20Hex, 1111111109, "sha1", 8));
        Assert.Equal("46119246", await Oathtool.TotpAsync(Convert.ToHexString(OtpVectors.Seed32), 59, "sha256", 8));
        Assert.Equal("90693936", await Oathtool.TotpAsync(Convert.ToHexString(OtpVectors.Seed64), 59, "sha512", 8));
    }
}
