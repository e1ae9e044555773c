using System.Text.Json;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>
/// The sealed payload of a TOTP:1 template (methods.md §5, "Template stores"). <see cref="LastUsedStep"/> is
/// −1 until a code is accepted; every accepted code must be of a later step (RFC 6238 §5.2). Logons record
/// it in the template's <see cref="TotpLogonState"/>, which <see cref="Open"/> applies over the sealed value.
/// </summary>
public sealed record TotpSecret
{
    public required byte[] Secret { get; init; }
    public OtpAlgorithm Algorithm { get; init; } = OtpAlgorithm.Sha1;
    public int Digits { get; init; } = 6;
    public int Period { get; init; } = 30;
    public string? Serial { get; init; }
    public long LastUsedStep { get; init; } = -1;

    public byte[] ToBytes() => OtpPayloadJson.ToBytes(this);

    /// <summary>The template's payload with the last-used step of its logon state, when a logon has written one.</summary>
    public static TotpSecret Open(TemplateSecrets secrets, Template template)
    {
        var secret = OtpPayloadJson.Open(secrets, template, bytes => FromBytes(bytes));
        return TemplateLogonState.Read<TotpLogonState>(template) is { } state ? secret with { LastUsedStep = state.LastUsedStep } : secret;
    }

    /// <summary>Throws <see cref="JsonException"/> for a payload that cannot verify anything.</summary>
    public static TotpSecret FromBytes(ReadOnlySpan<byte> json)
    {
        var secret = OtpPayloadJson.FromBytes<TotpSecret>(json);
        if (secret.Secret is not { Length: > 0 } || secret.Digits is < OtpCalculator.MinDigits or > OtpCalculator.MaxDigits ||
            secret.Period <= 0)
            throw new JsonException("TOTP payload has no secret, or an impossible digits or period.");
        return secret;
    }
}
