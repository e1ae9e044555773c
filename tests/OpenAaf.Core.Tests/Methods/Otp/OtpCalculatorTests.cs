using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>The RFC vectors of test-vectors.md §4.1 and §4.2, positive and negative.</summary>
public sealed class OtpCalculatorTests
{
    public static TheoryData<int, string> HotpVectors()
    {
        var data = new TheoryData<int, string>();
        for (var count = 0; count < OtpVectors.Hotp.Length; count++) data.Add(count, OtpVectors.Hotp[count]);
        return data;
    }

    [Theory]
    [MemberData(nameof(HotpVectors))]
    public void Hotp_Rfc4226AppendixD(int count, string code)
    {
        Assert.Equal(code, OtpCalculator.Compute(OtpVectors.Seed20, count, 6));
        Assert.True(OtpCalculator.Matches(OtpVectors.Seed20, count, 6, OtpAlgorithm.Sha1, code));
        // Negative: the neighbouring counters and a code with one digit changed do not match.
        Assert.False(OtpCalculator.Matches(OtpVectors.Seed20, count + 1, 6, OtpAlgorithm.Sha1, code));
        var altered = code[..5] + (char)('0' + (code[5] - '0' + 1) % 10);
        Assert.False(OtpCalculator.Matches(OtpVectors.Seed20, count, 6, OtpAlgorithm.Sha1, altered));
    }

    [Theory]
    [MemberData(nameof(OtpVectors.Totp), MemberType = typeof(OtpVectors))]
    public void Totp_Rfc6238AppendixB_EightAndSixDigits(long time, OtpAlgorithm algorithm, string code)
    {
        var step = TotpWindow.StepAt(time, 30);
        var seed = OtpVectors.SeedFor(algorithm);

        Assert.Equal(code, OtpCalculator.Compute(seed, step, 8, algorithm));
        Assert.Equal(code[2..], OtpCalculator.Compute(seed, step, 6, algorithm));
        Assert.True(OtpCalculator.Matches(seed, step, 8, algorithm, code));
        Assert.False(OtpCalculator.Matches(seed, step, 6, algorithm, code));
        Assert.False(OtpCalculator.Matches(seed, step + 1, 8, algorithm, code));
    }

    [Theory]
    [InlineData(59, 0x1L)]
    [InlineData(1111111109, 0x23523ECL)]
    [InlineData(1111111111, 0x23523EDL)]
    [InlineData(1234567890, 0x273EF07L)]
    [InlineData(2000000000, 0x3F940AAL)]
    [InlineData(20000000000, 0x27BC86AAL)]
    public void TimeStep_IsTheTableColumnT(long time, long step) => Assert.Equal(step, TotpWindow.StepAt(time, 30));

    [Theory]
    [InlineData(OtpAlgorithm.Sha256, "32247374", "46119246")]
    [InlineData(OtpAlgorithm.Sha512, "69342147", "90693936")]
    public void WrongSeedLength_GivesTheOtherCode(OtpAlgorithm algorithm, string withSeed20, string tableValue)
    {
        // test-vectors.md §4.2: the table needs the 32/64-byte seeds; the RFC prose's 20-byte seed gives these.
        Assert.Equal(withSeed20, OtpCalculator.Compute(OtpVectors.Seed20, 1, 8, algorithm));
        Assert.False(OtpCalculator.Matches(OtpVectors.Seed20, 1, 8, algorithm, tableValue));
    }

    [Fact]
    public void LeadingZeros_ArePartOfTheCode()
    {
        Assert.Equal("07081804", OtpCalculator.Compute(OtpVectors.Seed20, 0x23523EC, 8));
        Assert.Equal("081804", OtpCalculator.Compute(OtpVectors.Seed20, 0x23523EC, 6));
        Assert.Equal("005924", OtpCalculator.Compute(OtpVectors.Seed20, 0x273EF07, 6));
        Assert.False(OtpCalculator.Matches(OtpVectors.Seed20, 0x23523EC, 6, OtpAlgorithm.Sha1, "81804"));
    }

    [Theory]
    [InlineData("75522")]
    [InlineData("7552240")]
    [InlineData("")]
    public void WrongLength_NeverMatches(string code) =>
        Assert.False(OtpCalculator.Matches(OtpVectors.Seed20, 0, 6, OtpAlgorithm.Sha1, code));

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void UnsupportedDigits_AreABug(int digits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OtpCalculator.Compute(OtpVectors.Seed20, 0, digits));
}
