using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>Secret decoding of methods.md §5.2: encodings, detection for manual entry, 10–64 bytes.</summary>
public sealed class OtpSecretTextTests
{
    [Theory]
    [InlineData(OtpVectors.Seed20Hex, OtpSecretEncoding.Hex)]
    [InlineData("3132333435363738393031323334353637383930", OtpSecretEncoding.Detect)]
    [InlineData("31323334 35363738 39303132 33343536 37383930", OtpSecretEncoding.Hex)]
    [InlineData(OtpVectors.Seed20Base32, OtpSecretEncoding.Base32)]
    [InlineData(OtpVectors.Seed20Base32, OtpSecretEncoding.Detect)]
    [InlineData("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", OtpSecretEncoding.Detect)]
    public void DecodesTheRfcSeed(string text, OtpSecretEncoding encoding) =>
        Assert.Equal(OtpVectors.Seed20, OtpSecretText.TryDecode(text, encoding));

    [Theory]
    [InlineData("8f1c3e5a7b9d0f2e4c6a")]
    [InlineData("8F1C3E5A7B9D0F2E4C6A")]
    [InlineData("8f1C3e5A7b9D0f2E4c6A")]
    public void Hex_IsCaseInsensitive(string text)
    {
        Assert.Equal(Convert.FromHexString("8f1c3e5a7b9d0f2e4c6a"), OtpSecretText.TryDecode(text, OtpSecretEncoding.Hex));
        Assert.Equal(Convert.FromHexString("8f1c3e5a7b9d0f2e4c6a"), OtpSecretText.TryDecode(text, OtpSecretEncoding.Detect));
    }

    [Fact]
    public void Detect_PrefersHex_ForEvenLengthHexText_EvenIfItIsAlsoBase32()
    {
        // "ABCDEF234567ABCDEF23" is valid in both alphabets; the rule says even-length hex is hex.
        Assert.Equal(Convert.FromHexString("ABCDEF234567ABCDEF23"), OtpSecretText.TryDecode("ABCDEF234567ABCDEF23", OtpSecretEncoding.Detect));
    }

    [Fact]
    public void Detect_FallsBackToBase32_ForOddLengthHexDigits()
    {
        // 21 hex digits cannot be hex; as base32 the 2–7 and A–F symbols decode to 13 bytes.
        var secret = OtpSecretText.TryDecode("ABCDEF234567ABCDEF234", OtpSecretEncoding.Detect);
        Assert.Equal(Base32.TryDecode("ABCDEF234567ABCDEF234"), secret);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(64, true)]
    [InlineData(9, false)]
    [InlineData(65, false)]
    [InlineData(0, false)]
    public void Length_MustBe10To64Bytes(int length, bool valid)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        Assert.Equal(valid, OtpSecretText.TryDecode(Convert.ToHexString(bytes), OtpSecretEncoding.Hex) is not null);
        Assert.Equal(valid, OtpSecretText.TryDecode(Base32.Encode(bytes), OtpSecretEncoding.Base32) is not null);
    }

    [Theory]
    [InlineData("313233343536373839303132333435363738393", OtpSecretEncoding.Hex)]   // odd length
    [InlineData("0x3132333435363738393031323334353637383930", OtpSecretEncoding.Hex)]
    [InlineData("3132333435363738393031323334353637383g30", OtpSecretEncoding.Hex)]
    [InlineData(OtpVectors.Seed20Base32, OtpSecretEncoding.Hex)]
    [InlineData(OtpVectors.Seed20Hex + "Z", OtpSecretEncoding.Base32)]              // 9 is not base32
    [InlineData("", OtpSecretEncoding.Detect)]
    [InlineData("   ", OtpSecretEncoding.Detect)]
    [InlineData("not a secret!", OtpSecretEncoding.Detect)]
    public void Garbage_IsRefused(string text, OtpSecretEncoding encoding) => Assert.Null(OtpSecretText.TryDecode(text, encoding));
}
