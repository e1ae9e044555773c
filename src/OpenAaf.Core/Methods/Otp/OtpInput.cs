using System.Text.Json;

namespace OpenAaf.Core.Methods.Otp;

/// <summary>Enrollment payload reading shared by the OTP methods: clients send only the fields they filled in.</summary>
public static class OtpInput
{
    /// <summary>A string field; an empty string counts as absent (clients send <c>""</c> for unfilled fields).</summary>
    public static string? Text(MethodInput input, string key) => input.GetString(key) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// A flag: <paramref name="present"/> tells whether the key is there at all (it selects the enrollment form);
    /// the value is null when it is neither a boolean nor the text <c>true</c>/<c>false</c>.
    /// </summary>
    public static bool? Flag(MethodInput input, string key, out bool present)
    {
        JsonElement value = default;
        present = !input.IsEmpty && JsonKeys.TryGet(input.Raw, key, out value);
        if (!present) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>An integer field: <paramref name="fallback"/> when absent, null when present but not a whole number.</summary>
    public static long? Integer(MethodInput input, string key, long fallback) =>
        input.IsEmpty || !JsonKeys.TryGet(input.Raw, key, out _) ? fallback : input.GetInteger(key);
}
