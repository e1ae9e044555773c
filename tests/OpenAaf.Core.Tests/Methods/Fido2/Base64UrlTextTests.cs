using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>api.md §1.3 rule 7 for WebAuthn's binary fields: either alphabet, padding optional, nothing else.</summary>
public sealed class Base64UrlTextTests
{
    [Theory]
    [InlineData("Znc85jW-mlnjuuO1obxwaw")]
    [InlineData("Znc85jW+mlnjuuO1obxwaw==")]
    [InlineData("Znc85jW+mlnjuuO1obxwaw")]
    [InlineData("Znc85jW-mlnjuuO1obxwaw==")]
    public void BothAlphabets_WithOrWithoutPadding_DecodeAlike(string text)
    {
        Assert.True(Base64UrlText.TryDecode(text, 1023, out var bytes));
        Assert.Equal("66773ce635be9a59e3bae3b5a1bc706b", Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("Znc85jW-mlnjuuO1obx/aw")]
    [InlineData("Znc85jW mlnjuuO1obxwaw")]
    [InlineData("Znc85jW-mlnjuuO1obxwaw\n")]
    [InlineData("Znc85jW-mlnjuuO1obxwa")]
    [InlineData("Znc85jW-mlnjuuO1obxwaw=")]
    [InlineData("Znc85jW-mlnjuuO1obxwaw===")]
    [InlineData("Znc8=5jW-mlnjuuO1obxwaw")]
    [InlineData("Znc85jW.mlnjuuO1obxwaw")]
    [InlineData("Znc85jW-mlnjuuO1obxwaw%3D")]
    [InlineData(null)]
    public void MixedAlphabetsWhitespaceAndBadLengths_AreRefused(string? text) =>
        Assert.False(Base64UrlText.TryDecode(text, 1023, out _));

    [Fact]
    public void MoreBytesThanAllowed_AreRefused()
    {
        var text = Base64UrlText.Encode(new byte[33]);
        Assert.False(Base64UrlText.TryDecode(text, 32, out _));
        Assert.True(Base64UrlText.TryDecode(text, 33, out var bytes));
        Assert.Equal(33, bytes.Length);
    }

    [Fact]
    public void EmptyText_IsZeroBytes()
    {
        Assert.True(Base64UrlText.TryDecode("", 10, out var bytes));
        Assert.Empty(bytes);
    }
}
