using System.Security.Cryptography;
using System.Text.Json;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Otp;

/// <summary>
/// The secret payloads of the OTP methods are JSON (snake_case) sealed by <see cref="TemplateSecrets"/>:
/// the plaintext exists only while one step runs, and is wiped after parsing.
/// </summary>
public static class OtpPayloadJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] ToBytes<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not of this method: a bug or tampering, never a wrong code.</summary>
    public static T FromBytes<T>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");

    /// <summary>Opens the template's payload and parses it with <paramref name="parse"/> (which validates it).</summary>
    public static T Open<T>(TemplateSecrets secrets, Template template, Func<byte[], T> parse)
    {
        var plaintext = secrets.Open(template);
        try
        {
            return parse(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
