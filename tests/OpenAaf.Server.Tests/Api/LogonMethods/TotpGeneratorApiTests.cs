using System.Net;
using System.Text.Json;
using System.Web;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.LogonMethods;

/// <summary><c>POST /logon_method/TOTP:1</c> (methods.md §5.4) with the default policy.</summary>
public sealed class TotpGeneratorApiTests : IClassFixture<LocalServer>
{
    private const string Path = "/api/v1/logon_method/TOTP:1";
    private readonly ApiClient _api;

    public TotpGeneratorApiTests(LocalServer server) => _api = server.Client;

    [Fact]
    public async Task Base32_IsTheSpecShape_AndTheKeyUriCarriesTheSameSecret()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (status, body) = await _api.PostAsync(Path, new { generate_authenticator = true, is_base32_secret = true, endpoint_session_id = session });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["secret", "period", "qrdata"], body.EnumerateObject().Select(p => p.Name));
        var secret = body.GetProperty("secret").GetString()!;
        Assert.Matches("^[A-Z2-7]{32}$", secret);   // 20 bytes, no padding
        Assert.Equal(20, Base32.TryDecode(secret)!.Length);
        Assert.Equal(30, body.GetProperty("period").GetInt32());
        var uri = KeyUri.Parse(body.GetProperty("qrdata").GetString()!);
        Assert.Equal("OpenAAF", uri.Label);
        Assert.Equal(secret, uri.Query["secret"]);
        Assert.Equal(("OpenAAF", "SHA1", "6", "30"), (uri.Query["issuer"], uri.Query["algorithm"], uri.Query["digits"], uri.Query["period"]));
    }

    [Fact]
    public async Task Hex_IsLowerCase40Digits_AndTheKeyUriHasItInBase32()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (_, body) = await _api.PostAsync(Path, new { generate_authenticator = true, is_base32_secret = false, endpoint_session_id = session });

        var secret = body.GetProperty("secret").GetString()!;
        Assert.Matches("^[0-9a-f]{40}$", secret);
        Assert.Equal(Base32.Encode(Convert.FromHexString(secret)), KeyUri.Parse(body.GetProperty("qrdata").GetString()!).Query["secret"]);
    }

    [Fact]
    public async Task EveryCall_GivesAFreshSecret_AndTheDefaultIsBase32()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (_, a) = await _api.PostAsync(Path, new { endpoint_session_id = session });
        var (_, b) = await _api.PostAsync(Path, new { endpoint_session_id = session });

        Assert.Matches("^[A-Z2-7]{32}$", a.GetProperty("secret").GetString());
        Assert.NotEqual(a.GetProperty("secret").GetString(), b.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task WithALoginSession_TheLabelNamesTheUser()
    {
        var session = await _api.NewEndpointSessionAsync();
        var login = (await _api.LogonAsync(session, "alice", "Al1ce!pass")).GetProperty("login_session_id").GetString();

        var (status, body) = await _api.PostAsync(Path, new { is_base32_secret = true, endpoint_session_id = session, login_session_id = login });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("otpauth://totp/OpenAAF:LOCAL%5Calice?secret=", body.GetProperty("qrdata").GetString());
        Assert.Equal("OpenAAF:LOCAL\\alice", KeyUri.Parse(body.GetProperty("qrdata").GetString()!).Label);
    }

    [Fact]
    public async Task WithoutAnEndpointSession_Is433_AndWithoutTheField400()
    {
        var (unknown, body) = await _api.PostAsync(Path, new { is_base32_secret = true, endpoint_session_id = "nope" });
        var (missing, missingBody) = await _api.PostAsync(Path, new { is_base32_secret = true });

        Assert.Equal((HttpStatusCode)433, unknown);
        Assert.Equal("ENDPOINT_SESSION_NOT_FOUND", body.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("VALIDATION_ERROR", missingBody.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task UnknownLoginSession_Is434_AndNoSecretIsReturned()
    {
        var session = await _api.NewEndpointSessionAsync();

        var (status, body) = await _api.PostAsync(Path, new { endpoint_session_id = session, login_session_id = "Z345oBnWuItOpubBsC2AaPBwAvzlIh4h" });

        Assert.Equal((HttpStatusCode)434, status);
        Assert.Equal("LOGIN_SESSION_NOT_FOUND", body.GetProperty("reason").GetString());
        Assert.False(body.TryGetProperty("secret", out _));
    }

    [Theory]
    [InlineData("""{"endpoint_session_id": "x", "is_base32_secret": "maybe"}""", "VALIDATION_ERROR")]
    [InlineData("""{"endpoint_session_id": {"$ne": ""}}""", "VALIDATION_ERROR")]
    [InlineData("""{"endpoint_session_id": "x", "generate_authenticator": [true]}""", "VALIDATION_ERROR")]
    [InlineData("""[{"endpoint_session_id": "x"}]""", "VALIDATION_ERROR")]
    [InlineData("""{"endpoint_session_id": "x", """, "MALFORMED_JSON")]
    public async Task HostileBodies_Are400WithTheEnvelope(string json, string reason)
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Post, Path, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task OtherHttpMethods_AreNotServed()
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Get, Path + "?endpoint_session_id=x");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
    }

    /// <summary>A Key URI taken apart with the platform's URI and query parsers, not ours.</summary>
    internal sealed record KeyUri(string Label, System.Collections.Specialized.NameValueCollection Query)
    {
        public static KeyUri Parse(string text)
        {
            var uri = new Uri(text);
            Assert.Equal(("otpauth", "totp"), (uri.Scheme, uri.Host));
            Assert.Equal("", uri.Fragment);
            return new KeyUri(Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), HttpUtility.ParseQueryString(uri.Query));
        }
    }
}
