using System.Net;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.LogonMethods;

/// <summary>The generator follows the TOTPMethod policy: issuer, period, digits, base32 preselection.</summary>
public sealed class TotpGeneratorPolicyTests
{
    [Fact]
    public async Task Policy_SetsIssuerPeriodDigits_AndTheDefaultEncoding()
    {
        var policies = new JsonObject
        {
            ["TOTPMethod"] = new JsonObject
            {
                ["issuer"] = "Acme & Co", ["otp_period"] = 60, ["otp_format"] = "dec8", ["use_key_uri_format_qr"] = false,
            },
        };
        using var factory = OpenAafFactory.WithLocalUsers(policies: policies);
        var api = new ApiClient(factory.CreateClient());
        var session = await api.NewEndpointSessionAsync();

        var (status, body) = await api.PostAsync("/api/v1/logon_method/TOTP:1", new { endpoint_session_id = session });
        var (_, chosen) = await api.PostAsync("/api/v1/logon_method/TOTP:1", new { endpoint_session_id = session, is_base32_secret = true });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{40}$", body.GetProperty("secret").GetString());   // use_key_uri_format_qr false: hex
        Assert.Matches("^[A-Z2-7]{32}$", chosen.GetProperty("secret").GetString());  // the client's choice wins
        Assert.Equal(60, body.GetProperty("period").GetInt32());
        var uri = TotpGeneratorApiTests.KeyUri.Parse(body.GetProperty("qrdata").GetString()!);
        Assert.Equal("Acme & Co", uri.Label);
        Assert.Equal(("Acme & Co", "SHA1", "8", "60"), (uri.Query["issuer"], uri.Query["algorithm"], uri.Query["digits"], uri.Query["period"]));
        Assert.Equal(Base32.Encode(Convert.FromHexString(body.GetProperty("secret").GetString()!)), uri.Query["secret"]);
    }
}
