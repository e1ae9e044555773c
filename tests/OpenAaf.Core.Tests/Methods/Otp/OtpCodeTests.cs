using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>Answer normalisation (methods.md §5.1 step 1, §6.1 steps 1–2).</summary>
public sealed class OtpCodeTests
{
    [Theory]
    [InlineData("287082", 6, "287082")]
    [InlineData("287 082", 6, "287082")]
    [InlineData(" 081804 ", 6, "081804")]
    [InlineData("07081804", 8, "07081804")]
    public void WellFormedCodes_KeepTheirLeadingZeros(string answer, int digits, string code) =>
        Assert.Equal(code, OtpCode.Normalize(answer, digits));

    [Theory]
    [InlineData("33831", 6)]
    [InlineData("3383140", 6)]
    [InlineData("33831a", 6)]
    [InlineData("", 6)]
    [InlineData("287082", 8)]
    [InlineData("-28708", 6)]
    [InlineData("+28708", 6)]
    [InlineData("２８７０８２", 6)]   // full-width digits are digits to char.IsDigit, not to us
    [InlineData("٢٨٧٠٨٢", 6)]        // Arabic-Indic digits
    [InlineData("287\t082", 6)]
    public void MalformedCodes_AreNull(string answer, int digits) => Assert.Null(OtpCode.Normalize(answer, digits));

    [Theory]
    [InlineData("cccccccbcjdk755224", "cccccccbcjdk", "755224")]
    [InlineData("CCCCCCCBCJDK755224", "cccccccbcjdk", "755224")]
    [InlineData("755224", "cccccccbcjdk", "755224")]
    [InlineData("cccccccbcjdk755224", null, "cccccccbcjdk755224")]
    [InlineData("vvvvvvvvvvvv755224", "cccccccbcjdk", "vvvvvvvvvvvv755224")]
    public void YubiKeyPrefix_IsStrippedOnlyWhenItIsThere(string answer, string? publicId, string expected) =>
        Assert.Equal(expected, OtpCode.StripPublicId(answer, publicId, 6));

    [Theory]
    [InlineData("dec6", 6)]
    [InlineData("dec8", 8)]
    [InlineData("DEC8", 8)]
    public void Digits_ComeFromOtpFormat(string format, int digits) => Assert.Equal(digits, OtpCode.DigitsOf(format));
}
