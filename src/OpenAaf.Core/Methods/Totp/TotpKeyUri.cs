using System.Globalization;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>
/// The Key URI authenticator apps scan (Google Authenticator "Key Uri Format", methods.md §5.4):
/// <c>otpauth://totp/Issuer:REPO%5Clogin?secret=…&amp;issuer=…&amp;algorithm=SHA1&amp;digits=6&amp;period=30</c>.
/// </summary>
public static class TotpKeyUri
{
    /// <param name="account">the user's <c>REPO\login</c>, or null for a label that is just the issuer</param>
    /// <param name="base32Secret">the secret in upper-case base32 without padding</param>
    public static string Build(string issuer, string? account, string base32Secret, int digits, int period)
    {
        // Issuer and account are escaped separately: the colon between them is the label's separator.
        var label = string.IsNullOrEmpty(account)
            ? Uri.EscapeDataString(issuer)
            : $"{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{label}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={digits}&period={period}");
    }
}
