namespace OpenAaf.Core.Methods.Otp;

/// <summary>What a client typed as a one-time password, and the code length of a policy.</summary>
public static class OtpCode
{
    /// <summary>
    /// methods.md §5.1 step 1: spaces removed, then exactly <paramref name="digits"/> ASCII digits, else null.
    /// Codes stay strings: leading zeros matter (<c>081804</c>).
    /// </summary>
    public static string? Normalize(string answer, int digits)
    {
        var code = answer.Replace(" ", "", StringComparison.Ordinal);
        return code.Length == digits && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>
    /// methods.md §6.1 step 1: a YubiKey in OATH-HOTP mode types its public id before the code; strip it
    /// (case-insensitive) when the answer is longer than a code and starts with it.
    /// </summary>
    public static string StripPublicId(string answer, string? tokenPublicId, int digits) =>
        !string.IsNullOrEmpty(tokenPublicId) && answer.Length > digits &&
        answer.StartsWith(tokenPublicId, StringComparison.OrdinalIgnoreCase)
            ? answer[tokenPublicId.Length..]
            : answer;

    /// <summary>The code length of a policy's <c>otp_format</c> (methods.md §13): <c>dec8</c> → 8, else 6.</summary>
    public static int DigitsOf(string otpFormat) =>
        string.Equals(otpFormat, "dec8", StringComparison.OrdinalIgnoreCase) ? 8 : 6;
}
