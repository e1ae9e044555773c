namespace OpenAaf.Core.Methods;

/// <summary>Vendor method ids OpenAAF recognises and refuses (api.md §9.6): METHOD_NOT_SUPPORTED, and an error in a chain.</summary>
public static class VendorMethodIds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "SMARTPHONE:1", "RADIUS:1", "VOICE:1", "VOICE_OTP:1", "PKI:1", "FACE:1", "BLUETOOTH:1",
        "WINHELLO:1", "BANKID:1", "SWISSCOM:1", "WEBAUTH:1", "OAUTH2:1", "DEVICE_AUTH:1",
    };
}
