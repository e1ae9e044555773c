namespace OpenAaf.Core.Methods.Otp;

/// <summary>Decodes and checks the secret of an enrollment (methods.md §5.2 "Secret decoding").</summary>
public static class OtpSecretText
{
    /// <summary>80 bits is what many services issue; RFC 4226 §4 recommends 160.</summary>
    public const int MinBytes = 10;
    public const int MaxBytes = 64;

    /// <summary>The secret bytes, or null when the text does not decode or the length is outside 10–64 bytes.</summary>
    public static byte[]? TryDecode(string text, OtpSecretEncoding encoding)
    {
        // Apps show secrets in groups; spaces are never part of them.
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (encoding == OtpSecretEncoding.Detect)
            encoding = IsHex(compact) && compact.Length % 2 == 0 ? OtpSecretEncoding.Hex : OtpSecretEncoding.Base32;
        var secret = encoding == OtpSecretEncoding.Hex ? TryDecodeHex(compact) : Base32.TryDecode(compact);
        return secret is { Length: >= MinBytes and <= MaxBytes } ? secret : null;
    }

    private static byte[]? TryDecodeHex(string text) =>
        text.Length % 2 == 0 && IsHex(text) ? Convert.FromHexString(text) : null;

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigit);
}
