using System.Security.Cryptography;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// <c>POST /logon_method/TOTP:1</c> (methods.md §5.4): a fresh secret and its Key URI for an enrollment UI.
/// The server keeps no state; the client sends the secret back in <c>do_enroll</c>.
/// </summary>
public static class TotpGeneratorApi
{
    /// <summary>160 bits, the length RFC 4226 §4 recommends.</summary>
    private const int SecretBytes = 20;

    public static IEndpointRouteBuilder MapTotpGeneratorApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/logon_method/TOTP:1", GenerateAsync);
        return app;
    }

    private static async Task<IResult> GenerateAsync(
        HttpContext http, EndpointSessionService sessions, LoginSessionService logins, IConfigurationSource config,
        IRandomSource random, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        var loginSessionId = request.String("login_session_id");
        // generate_authenticator is what the vendor clients send; it is type-checked and has no other effect.
        request.Bool("generate_authenticator");
        var isBase32 = request.Bool("is_base32_secret");
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        string? account = null;
        if (!string.IsNullOrEmpty(loginSessionId))
        {
            // Optional [D]: only labels the key for the app; another endpoint's session counts as unknown.
            var (login, error) = await logins.UseAsync(loginSessionId, ct, session.EndpointId);
            if (login is null) return ErrorEnvelope.Result(error!);
            account = login.UserName;
        }

        var policy = config.Current.Policies.TotpMethod;
        var bytes = new byte[SecretBytes];
        random.Fill(bytes);
        var base32 = Base32.Encode(bytes);
        // Without is_base32_secret the client did not choose: use_key_uri_format_qr is the preselection it would have shown.
        var secret = (isBase32 ?? policy.UseKeyUriFormatQr) ? base32 : Convert.ToHexStringLower(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        var qrData = TotpKeyUri.Build(policy.Issuer, account, base32, OtpCode.DigitsOf(policy.OtpFormat), policy.OtpPeriod);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("secret", secret);
            w.WriteNumber("period", policy.OtpPeriod);
            w.WriteString("qrdata", qrData);
            w.WriteEndObject();
        });
    }
}
