using System.Text;
using System.Text.Json;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>The sealed payloads are a stored format: their JSON must stay readable across versions.</summary>
public sealed class OtpPayloadTests
{
    [Fact]
    public void TotpPayload_IsSnakeCaseJson_WithoutUnsetSerial()
    {
        var json = Encoding.UTF8.GetString(new TotpSecret { Secret = [1, 2, 3] }.ToBytes());

        Assert.Equal("""{"secret":"AQID","algorithm":"SHA1","digits":6,"period":30,"last_used_step":-1}""", json);
    }

    [Fact]
    public void HotpPayload_IsSnakeCaseJson()
    {
        var json = Encoding.UTF8.GetString(new HotpSecret { Secret = [1, 2, 3], Counter = 7, TokenPublicId = "cccccccbcjdk" }.ToBytes());

        Assert.Equal("""{"secret":"AQID","algorithm":"SHA1","digits":6,"counter":7,"token_public_id":"cccccccbcjdk"}""", json);
    }

    [Fact]
    public void Payloads_RoundTrip()
    {
        var totp = new TotpSecret { Secret = OtpVectors.Seed64, Algorithm = OtpAlgorithm.Sha512, Digits = 8, Period = 60, Serial = "S1", LastUsedStep = 42 };
        var hotp = new HotpSecret { Secret = OtpVectors.Seed20, Digits = 8, Counter = 9, Serial = "S2", TokenPublicId = "vv" };

        var totpBack = TotpSecret.FromBytes(totp.ToBytes());
        var hotpBack = HotpSecret.FromBytes(hotp.ToBytes());

        Assert.Equal(totp with { Secret = totpBack.Secret }, totpBack);
        Assert.Equal(totp.Secret, totpBack.Secret);
        Assert.Equal(hotp with { Secret = hotpBack.Secret }, hotpBack);
    }

    [Theory]
    [InlineData("""{"secret":"","digits":6,"period":30}""")]
    [InlineData("""{"secret":"AQID","digits":9,"period":30}""")]
    [InlineData("""{"secret":"AQID","digits":6,"period":0}""")]
    [InlineData("""{"secret":"AQID","algorithm":"MD5"}""")]
    [InlineData("""{"digits":6}""")]
    [InlineData("null")]
    public void ImpossibleTotpPayloads_Throw(string json) =>
        Assert.ThrowsAny<JsonException>(() => TotpSecret.FromBytes(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"secret":"AQID","counter":-1}""")]
    [InlineData("""{"secret":"AQID","digits":5}""")]
    public void ImpossibleHotpPayloads_Throw(string json) =>
        Assert.ThrowsAny<JsonException>(() => HotpSecret.FromBytes(Encoding.UTF8.GetBytes(json)));
}
