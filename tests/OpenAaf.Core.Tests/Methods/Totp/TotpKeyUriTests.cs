using OpenAaf.Core.Methods.Totp;

namespace OpenAaf.Core.Tests.Methods.Totp;

/// <summary>The Key URI of methods.md §5.4.</summary>
public sealed class TotpKeyUriTests
{
    [Fact]
    public void WithoutAccount_IsTheSpecExample() => Assert.Equal(
        "otpauth://totp/OpenAAF?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=OpenAAF&algorithm=SHA1&digits=6&period=30",
        TotpKeyUri.Build("OpenAAF", null, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 6, 30));

    [Fact]
    public void WithAccount_TheLabelIsIssuerColonAccount_EachEscaped() => Assert.Equal(
        "otpauth://totp/Acme%20Corp:JAGUAR%5Cdenis?secret=GEZD&issuer=Acme%20Corp&algorithm=SHA1&digits=8&period=60",
        TotpKeyUri.Build("Acme Corp", "JAGUAR\\denis", "GEZD", 8, 60));

    [Fact]
    public void HostileNames_CannotAddParametersOrPathSegments()
    {
        var uri = new Uri(TotpKeyUri.Build("Evil&secret=AAAA", "LOCAL\\a/b?c#d", "GEZD", 6, 30));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("", uri.Fragment);
        Assert.Single(uri.Query.TrimStart('?').Split('&'), p => p.StartsWith("secret=", StringComparison.Ordinal));
        Assert.Equal("/Evil%26secret%3DAAAA:LOCAL%5Ca%2Fb%3Fc%23d", uri.AbsolutePath);
    }
}
