using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>
/// The sealed payload of a HOTP:1 template (methods.md §6, "Template stores"). <see cref="Counter"/> is the next
/// counter value expected; it only moves forward, so a code once accepted is below it for good. Logons record
/// it in the template's <see cref="HotpLogonState"/>, which <see cref="Open"/> applies over the sealed value.
/// </summary>
public sealed record HotpSecret
{
    public required byte[] Secret { get; init; }
    public OtpAlgorithm Algorithm { get; init; } = OtpAlgorithm.Sha1;
    public int Digits { get; init; } = 6;
    public long Counter { get; init; }
    public string? Serial { get; init; }
    /// <summary>The YubiKey public id typed before each code (methods.md §6.1 step 1).</summary>
    public string? TokenPublicId { get; init; }

    public byte[] ToBytes() => OtpPayloadJson.ToBytes(this);

    /// <summary>Throws <see cref="JsonException"/> for a payload that cannot verify anything.</summary>
    public static HotpSecret FromBytes(ReadOnlySpan<byte> json)
    {
        var secret = OtpPayloadJson.FromBytes<HotpSecret>(json);
        if (secret.Secret is not { Length: > 0 } || secret.Digits is < OtpCalculator.MinDigits or > OtpCalculator.MaxDigits ||
            secret.Counter < 0)
            throw new JsonException("HOTP payload has no secret, or impossible digits or counter.");
        return secret;
    }

    /// <summary>The template's payload with the counter of its logon state, when a logon has written one.</summary>
    public static HotpSecret Open(TemplateSecrets secrets, Template template)
    {
        var secret = OtpPayloadJson.Open(secrets, template, bytes => FromBytes(bytes));
        if (TemplateLogonState.Read<HotpLogonState>(template) is not { } state) return secret;
        if (state.Counter < 0) throw new JsonException("HOTP logon state with a negative counter.");
        return secret with { Counter = state.Counter };
    }

    /// <summary>The template's display data: <c>serial</c> and <c>token_public_id</c>, each only when set.</summary>
    public string DisplayData()
    {
        var data = new JsonObject();
        if (!string.IsNullOrEmpty(Serial)) data["serial"] = Serial;
        if (!string.IsNullOrEmpty(TokenPublicId)) data["token_public_id"] = TokenPublicId;
        return data.ToJsonString();
    }
}
