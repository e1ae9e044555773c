using System.Text.Json.Serialization;

namespace OpenAaf.Core.Methods.Otp;

/// <summary>The HMAC of an OTP token (RFC 6238 §1.2). SHA-1 for enrolled apps; the others for imported tokens.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OtpAlgorithm>))]
public enum OtpAlgorithm
{
    [JsonStringEnumMemberName("SHA1")] Sha1,
    [JsonStringEnumMemberName("SHA256")] Sha256,
    [JsonStringEnumMemberName("SHA512")] Sha512,
}
