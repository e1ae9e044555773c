namespace OpenAaf.Core.Methods;

/// <summary>Method ids of the wire (api.md §9.6) and their titles.</summary>
public static class MethodIds
{
    public const string LdapPassword = "LDAP_PASSWORD:1";
    public const string Password = "PASSWORD:1";
    public const string EmergPassword = "EMERG_PASSWORD:1";
    public const string Totp = "TOTP:1";
    public const string Hotp = "HOTP:1";
    public const string SmsOtp = "SMS_OTP:1";
    public const string EmailOtp = "EMAIL_OTP:1";
    public const string SecQuest = "SECQUEST:1";
    public const string U2f = "U2F:1";
    public const string Fido2 = "FIDO2:1";
    public const string Finger = "FINGER:1";
    public const string Card = "CARD:1";

    /// <summary>Every method of the contract with its title, in the order of api.md §9.6.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> Contract =
    [
        (LdapPassword, "LDAP Password"), (Password, "Password"), (EmergPassword, "Emergency Password"),
        (Totp, "TOTP"), (Hotp, "HOTP"), (SmsOtp, "SMS OTP"), (EmailOtp, "Email OTP"),
        (SecQuest, "Security Questions"), (U2f, "U2F"), (Fido2, "FIDO 2.0"), (Finger, "Fingerprint"), (Card, "Card"),
    ];

    /// <summary>Vendor methods OpenAAF recognises and refuses with METHOD_NOT_SUPPORTED.</summary>
    public static readonly IReadOnlySet<string> VendorOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "SMARTPHONE:1", "RADIUS:1", "VOICE:1", "VOICE_OTP:1", "PKI:1", "FACE:1", "BLUETOOTH:1",
        "WINHELLO:1", "BANKID:1", "SWISSCOM:1", "WEBAUTH:1", "OAUTH2:1", "DEVICE_AUTH:1",
    };

    public static string? TitleOf(string id) => Contract.FirstOrDefault(m => m.Id == id).Title;
}
