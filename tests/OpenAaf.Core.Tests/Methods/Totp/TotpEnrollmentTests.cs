using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Methods.Otp;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Totp;

/// <summary>TOTP:1 enrollment forms of methods.md §5.2 and their failure codes.</summary>
public sealed class TotpEnrollmentTests
{
    private readonly OtpTestContext _otp = new(MethodIds.Totp);
    private readonly TotpEnrollment _enrollment = new();

    private async Task<EnrollStep> EnrollAsync(object? payload) =>
        await _enrollment.EnrollAsync(_otp.Enroll(), payload is null ? MethodInput.None : OtpTestContext.Input(payload), default);

    private static Outcome Failure(EnrollStep step) => Assert.IsType<EnrollStep.Failed>(step).Outcome;

    private void AllowManual(bool allowed = true, string format = "dec6") =>
        _otp.Policies = PolicySet.Defaults with { TotpMethod = new TotpMethodOptions { AllowManualEnrollment = allowed, OtpFormat = format } };

    [Theory]
    [InlineData(true, OtpVectors.Seed20Base32)]
    [InlineData(true, "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")]
    [InlineData(false, OtpVectors.Seed20Hex)]
    [InlineData("true", OtpVectors.Seed20Base32)]
    public async Task GeneratedForm_StoresTheSecret_WithPolicyDigitsAndPeriod_AndEmptyData(object isBase32, string secret)
    {
        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { is_base32_secret = isBase32, secret }));
        var stored = TotpSecret.FromBytes(done.Authenticator.Secret);

        Assert.Equal("{}", done.Authenticator.Data);
        Assert.Equal(OtpVectors.Seed20, stored.Secret);
        Assert.Equal((6, 30, -1L, null), (stored.Digits, stored.Period, stored.LastUsedStep, stored.Serial));
        Assert.Equal(Core.Methods.Otp.OtpAlgorithm.Sha1, stored.Algorithm);
    }

    [Fact]
    public async Task GeneratedForm_TakesAGivenPeriod_AndDec8()
    {
        AllowManual(false, "dec8");
        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, period = 60 }));

        Assert.Equal((8, 60), (TotpSecret.FromBytes(done.Authenticator.Secret).Digits, TotpSecret.FromBytes(done.Authenticator.Secret).Period));
    }

    [Fact]
    public async Task GeneratedForm_WithARightOtp_StoresItsStepAsUsed_AndAWrongOneFails()
    {
        _otp.At(59);

        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, otp = "287082" }));
        var wrong = await EnrollAsync(new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, otp = "287083" });
        var malformed = await EnrollAsync(new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, otp = "28708" });

        Assert.Equal(1, TotpSecret.FromBytes(done.Authenticator.Secret).LastUsedStep);
        Assert.Equal(TotpOutcomes.OtpVerificationFailed, Failure(wrong));
        Assert.Equal(TotpOutcomes.OtpVerificationFailed, Failure(malformed));
    }

    [Fact]
    public async Task EnrollmentOtp_CannotLogOnAgain()
    {
        _otp.At(59);
        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, otp = "287082" }));
        _otp.Save(done.Authenticator);

        var logon = await new TotpMethod().AnswerAsync(_otp.Logon(), OtpTestContext.Answer("287082"), default);

        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Assert.IsType<Core.Methods.MethodStep.Failed>(logon).Outcome);
    }

    [Theory]
    [InlineData(OtpVectors.Seed20Hex)]
    [InlineData(OtpVectors.Seed20Base32)]
    [InlineData("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")]
    public async Task ManualForm_DetectsTheEncoding_WhenAllowed(string secret)
    {
        AllowManual();
        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { period = 30, secret }));

        Assert.Equal(OtpVectors.Seed20, TotpSecret.FromBytes(done.Authenticator.Secret).Secret);
    }

    [Fact]
    public async Task ManualForm_IsRefused_ByDefault() =>
        Assert.Equal(TotpOutcomes.ManualEnrollmentDisabled, Failure(await EnrollAsync(new { period = 30, secret = OtpVectors.Seed20Hex })));

    [Theory]
    [InlineData(null)]
    [InlineData("empty")]
    [InlineData("only-flag")]
    [InlineData("empty-secret")]
    [InlineData("serial-without-otp")]
    public async Task MissingData_IsMoreDataDataRequired(string? shape)
    {
        object? payload = shape switch
        {
            null => null,
            "empty" => new { },
            "only-flag" => new { is_base32_secret = true },
            "empty-secret" => new { is_base32_secret = true, secret = "" },
            _ => new { serial = "TOK-1" },
        };

        var more = Assert.IsType<EnrollStep.MoreData>(await EnrollAsync(payload));

        Assert.Equal(Outcomes.DataRequired, more.Outcome);
    }

    [Fact]
    public async Task HardwareTokenForm_IsTokenNotFound_UntilTokensCanBeImported() =>
        Assert.Equal(OtpOutcomes.TokenNotFound, Failure(await EnrollAsync(new { serial = "TOK-1", otp = "287082" })));

    public static TheoryData<object> InvalidSecrets => new()
    {
        new { is_base32_secret = true, secret = "GEZDGNBVGY3TQOJ1" },                      // not base32
        new { is_base32_secret = false, secret = OtpVectors.Seed20Base32 },                 // not hex
        new { is_base32_secret = true, secret = "GEZDGNBVGY3TQOJ" },                        // 15 symbols: 9 bytes
        new { is_base32_secret = false, secret = "313233343536373839" },                    // 9 bytes
        new { is_base32_secret = false, secret = new string('a', 130) },                    // 65 bytes
        new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, period = 9 },
        new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, period = 301 },
        new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, period = "soon" },
        new { is_base32_secret = true, secret = OtpVectors.Seed20Base32, period = 30.5 },
        new { is_base32_secret = "maybe", secret = OtpVectors.Seed20Base32 },
        new { is_base32_secret = true, secret = new { value = "x" } },
    };

    [Theory]
    [MemberData(nameof(InvalidSecrets))]
    public async Task BadSecretsAndPeriods_AreOtpSecretInvalid(object payload) =>
        Assert.Equal(OtpOutcomes.OtpSecretInvalid, Failure(await EnrollAsync(payload)));
}
