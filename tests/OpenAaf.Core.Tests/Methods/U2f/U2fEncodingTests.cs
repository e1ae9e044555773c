using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>Tolerant base64 (api.md §1.3 rule 7), DER lengths, origin normalisation (methods.md §9.5).</summary>
public sealed class U2fEncodingTests
{
    [Theory]
    [InlineData("-_8", "fbff")]       // base64url, no padding
    [InlineData("-_8=", "fbff")]      // base64url with padding
    [InlineData("+/8", "fbff")]       // standard, no padding
    [InlineData("+/8=", "fbff")]      // standard with padding
    [InlineData("AQID", "010203")]
    [InlineData("AQ", "01")]
    [InlineData("AQ==", "01")]
    public void Decodes_BothAlphabets_WithOrWithoutPadding(string text, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(WebSafeBase64.Decode(text, 64)!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A")]            // a length no encoder produces
    [InlineData("AQ=")]          // incomplete padding
    [InlineData("AQ===")]
    [InlineData("A=Q=")]         // padding inside
    [InlineData("+_8")]          // both alphabets in one string
    [InlineData("-/8")]
    [InlineData("AQ ID")]        // whitespace
    [InlineData("AQ\nID")]
    [InlineData("AQ.D")]
    [InlineData("AQ%3D")]        // URL-encoded padding
    [InlineData("QUJDREVGR0g")]  // 8 bytes, over the limit below
    public void Refuses_AnythingElse(string? text) =>
        Assert.Null(WebSafeBase64.Decode(text, 7));

    [Fact]
    public void Encodes_Base64UrlWithoutPadding() =>
        Assert.Equal("-_8", WebSafeBase64.Encode([0xfb, 0xff]));

    [Theory]
    [InlineData("3003020100", 5)]
    [InlineData("308103020100", 6)]
    [InlineData("30820003020100", 7)]
    [InlineData("3003020100ffff", 5)]
    public void DerSequenceLength_ComesFromTheHeader(string hex, int length) =>
        Assert.Equal(length, DerSequence.Length(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("31030201")]          // not a SEQUENCE
    [InlineData("3004020100")]        // longer than the data
    [InlineData("3080020100")]        // indefinite length
    [InlineData("3083000003020100")]  // three length bytes
    [InlineData("30820003")]
    public void DerSequenceLength_NullWhenItDoesNotFit(string hex) =>
        Assert.Null(DerSequence.Length(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("https://Portal.Example.com:443/", "https://portal.example.com")]
    [InlineData("https://portal.example.com/u2f/app-id.json?x#y", "https://portal.example.com")]
    [InlineData("HTTPS://EXAMPLE.COM:8443", "https://example.com:8443")]
    [InlineData("http://example.com:80", "http://example.com")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080")]
    public void Origins_AreNormalised(string url, string origin) =>
        Assert.Equal(origin, WebOrigin.Parse(url, allowHttp: true)?.ToString());

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://user@example.com")]
    [InlineData("https://example.com@evil.net")]
    [InlineData("ftp://example.com")]
    [InlineData("//example.com")]
    [InlineData("example.com")]
    public void NonOrigins_AndHttpWithoutAllowHttp_AreRefused(string url) =>
        Assert.Null(WebOrigin.Parse(url, allowHttp: false));

    [Fact]
    public void FacetsPrefixes_AreExactOrigins_NotPrefixes()
    {
        var options = new U2fMethodOptions { FacetsPrefixes = ["https://example.com"] };
        Assert.True(U2fFacets.IsAllowedFacet("https://example.com", "https://app.example.org", options));
        Assert.True(U2fFacets.IsAllowedFacet("https://EXAMPLE.com:443/", "https://app.example.org", options));
        Assert.False(U2fFacets.IsAllowedFacet("https://example.com.evil.net", "https://app.example.org", options));
        Assert.False(U2fFacets.IsAllowedFacet("https://example.community", "https://app.example.org", options));
        Assert.False(U2fFacets.IsAllowedFacet("https://sub.example.com", "https://app.example.org", options));
    }
}
