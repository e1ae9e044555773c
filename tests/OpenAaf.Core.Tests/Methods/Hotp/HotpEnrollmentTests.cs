using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Methods.Otp;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Hotp;

/// <summary>HOTP:1 enrollment and resynchronisation (methods.md §6.2, test-vectors.md §4.1).</summary>
public sealed class HotpEnrollmentTests
{
    private readonly OtpTestContext _otp = new(MethodIds.Hotp);
    private readonly HotpEnrollment _enrollment = new();

    private async Task<EnrollStep> EnrollAsync(object? payload, Core.Templates.Template? existing = null) =>
        await _enrollment.EnrollAsync(_otp.Enroll(existing), payload is null ? MethodInput.None : OtpTestContext.Input(payload), default);

    private static HotpSecret Stored(EnrollStep step) => HotpSecret.FromBytes(Assert.IsType<EnrollStep.Done>(step).Authenticator.Secret);

    private static Outcome Failure(EnrollStep step) => Assert.IsType<EnrollStep.Failed>(step).Outcome;

    [Theory]
    [InlineData(OtpVectors.Seed20Hex)]
    [InlineData(OtpVectors.Seed20Base32)]
    public async Task OwnSecret_WithoutCodes_StartsAtZero_WithEmptyData(string secret)
    {
        var step = await EnrollAsync(new { secret });

        Assert.Equal("{}", Assert.IsType<EnrollStep.Done>(step).Authenticator.Data);
        Assert.Equal((0L, 6), (Stored(step).Counter, Stored(step).Digits));
        Assert.Equal(OtpVectors.Seed20, Stored(step).Secret);
    }

    [Fact]
    public async Task OwnSecret_WithSerialAndPublicId_ShowsThemInData()
    {
        var step = await EnrollAsync(new { serial = "UBAM01234567", token_public_id = "cccccccbcjdk", secret = OtpVectors.Seed20Hex });

        var data = JsonDocument.Parse(Assert.IsType<EnrollStep.Done>(step).Authenticator.Data).RootElement;
        Assert.Equal("UBAM01234567", data.GetProperty("serial").GetString());
        Assert.Equal("cccccccbcjdk", data.GetProperty("token_public_id").GetString());
        Assert.Equal("""{"token_public_id":"cccccccbcjdk"}""",
            Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { token_public_id = "cccccccbcjdk", secret = OtpVectors.Seed20Hex })).Authenticator.Data);
    }

    [Theory]
    [InlineData("338314", "254676", "287922", 7)]   // counts 4, 5, 6 (test-vectors.md §4.1)
    [InlineData("287082", "359152", "969429", 4)]   // counts 1, 2, 3
    [InlineData("755224", "287082", "359152", 3)]
    public async Task OwnSecret_WithThreeCodes_SynchronisesTheCounter(string hotp1, string hotp2, string hotp3, long counter) =>
        Assert.Equal(counter, Stored(await EnrollAsync(new { secret = OtpVectors.Seed20Hex, hotp1, hotp2, hotp3 })).Counter);

    [Fact]
    public async Task SynchronisedTemplate_AcceptsTheNextCode_AndNotAnOldOne()
    {
        var done = Assert.IsType<EnrollStep.Done>(await EnrollAsync(new { secret = OtpVectors.Seed20Hex, hotp1 = "338314", hotp2 = "254676", hotp3 = "287922" }));
        _otp.Save(done.Authenticator);
        var method = new HotpMethod();

        var old = await method.AnswerAsync(_otp.Logon(), OtpTestContext.Answer("755224"), default);
        var next = await method.AnswerAsync(_otp.Logon(), OtpTestContext.Answer("162583"), default);

        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(old).Outcome);
        Assert.IsType<MethodStep.Passed>(next);
    }

    [Fact]
    public async Task CodesWithTheYubiKeyPrefix_Synchronise() =>
        Assert.Equal(4, Stored(await EnrollAsync(new
        {
            token_public_id = "cccccccbcjdk", secret = OtpVectors.Seed20Hex,
            hotp1 = "cccccccbcjdk287082", hotp2 = "CCCCCCCBCJDK359152", hotp3 = "969429",
        })).Counter);

    [Theory]
    [InlineData("338314", "287922", "254676")]   // out of order
    [InlineData("338314", "254676", "287923")]
    [InlineData("338314", "254676", "28792")]
    public async Task CodesThatDoNotFollowEachOther_AreHotpSyncFailed(string hotp1, string hotp2, string hotp3) =>
        Assert.Equal(HotpOutcomes.HotpSyncFailed, Failure(await EnrollAsync(new { secret = OtpVectors.Seed20Hex, hotp1, hotp2, hotp3 })));

    [Fact]
    public async Task SyncSearch_IsBoundedByResyncWindow()
    {
        _otp.Policies = PolicySet.Defaults with { HotpMethod = new HotpMethodOptions { ResyncWindow = 3 } };

        Assert.Equal(HotpOutcomes.HotpSyncFailed, Failure(await EnrollAsync(new { secret = OtpVectors.Seed20Hex, hotp1 = "338314", hotp2 = "254676", hotp3 = "287922" })));
        Assert.Equal(6, Stored(await EnrollAsync(new { secret = OtpVectors.Seed20Hex, hotp1 = "969429", hotp2 = "338314", hotp3 = "254676" })).Counter);
    }

    [Fact]
    public async Task Resync_UsesTheExistingSecret_FromItsStoredCounter()
    {
        var existing = _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20, Counter = 2, Serial = "UBAM1" }.ToBytes(), """{"serial":"UBAM1"}""");

        var synced = await EnrollAsync(new { hotp1 = "338314", hotp2 = "254676", hotp3 = "287922" }, existing);
        var behind = await EnrollAsync(new { hotp1 = "755224", hotp2 = "287082", hotp3 = "359152" }, existing);
        var withSerial = await EnrollAsync(new { serial = "UBAM1", hotp1 = "969429", hotp2 = "338314", hotp3 = "254676" }, existing);

        Assert.Equal(7, Stored(synced).Counter);
        Assert.Equal(OtpVectors.Seed20, Stored(synced).Secret);
        Assert.Equal("""{"serial":"UBAM1"}""", Assert.IsType<EnrollStep.Done>(synced).Authenticator.Data);
        Assert.Equal(HotpOutcomes.HotpSyncFailed, Failure(behind));   // counts 0–2 are below the stored counter
        Assert.Equal(6, Stored(withSerial).Counter);
    }

    [Fact]
    public async Task Resync_SearchesFromTheCounterOfTheLastLogon_NotTheOneSealedAtEnrolment()
    {
        // Sealed with counter 0; logons have since moved it to 4 (RFC 4226 codes 0–3 are used).
        var existing = _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        existing = TemplateLogonState.With(existing, new HotpLogonState(4));

        var used = await EnrollAsync(new { hotp1 = "287082", hotp2 = "359152", hotp3 = "969429" }, existing);
        var fresh = await EnrollAsync(new { hotp1 = "338314", hotp2 = "254676", hotp3 = "287922" }, existing);

        Assert.Equal(HotpOutcomes.HotpSyncFailed, Failure(used));
        Assert.Equal(7, Stored(fresh).Counter);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("empty")]
    [InlineData("two-codes")]
    [InlineData("resync-without-codes")]
    [InlineData("serial-without-codes")]
    public async Task MissingData_IsMoreDataDataRequired(string shape)
    {
        var existing = shape == "resync-without-codes" ? _otp.Add(new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes()) : null;
        object? payload = shape switch
        {
            "none" => null,
            "two-codes" => new { secret = OtpVectors.Seed20Hex, hotp1 = "755224", hotp2 = "287082" },
            "serial-without-codes" => new { serial = "UBAM1" },
            _ => new { },
        };

        Assert.Equal(Outcomes.DataRequired, Assert.IsType<EnrollStep.MoreData>(await EnrollAsync(payload, existing)).Outcome);
    }

    [Fact]
    public async Task ImportedTokenSerial_IsTokenNotFound_UntilTokensCanBeImported() =>
        Assert.Equal(OtpOutcomes.TokenNotFound, Failure(await EnrollAsync(new { serial = "UBAM1", hotp1 = "755224", hotp2 = "287082", hotp3 = "359152" })));

    [Theory]
    [InlineData("313233343536373839")]   // 9 bytes
    [InlineData("not a secret")]
    [InlineData("GEZDGNBVGY3TQOJ1")]
    public async Task BadSecret_IsOtpSecretInvalid(string secret) =>
        Assert.Equal(OtpOutcomes.OtpSecretInvalid, Failure(await EnrollAsync(new { secret })));
}
