using System.Text.Json;

namespace OpenAaf.Core.Templates;

/// <summary>
/// The part of a template that logons change: the TOTP last-used step, the HOTP counter, the U2F and FIDO2
/// signature counters. It lives in <see cref="Template.LogonState"/>, not in the sealed secret, because every
/// seal draws a random 96-bit AES-GCM nonce under the one master key, and those have a budget (about 2^32
/// seals per key); a logon only moves a counter, with compare-and-set on the template version as before.
/// </summary>
/// <remarks>
/// Note: the sealed payload keeps the counter fields it always had; they hold the value at the time of
/// sealing (enrolment, re-enrolment, or the last logon of a version that still sealed counters). While
/// <see cref="Template.LogonState"/> is null that value applies; once a logon has written the state, the state
/// supersedes it. So templates written before this field existed are read correctly without opening every
/// payload in a start-up migration (which would put the master key and every method's payload format into
/// the storage migration), and without a write on the read path; the first logon moves the counter out.
/// Whoever replaces <see cref="Template.Secret"/> clears the state, so the new payload's values apply.
/// The state needs no seal of its own: whoever can write the database can already change chains, lockout
/// and password hashes.
/// </remarks>
public static class TemplateLogonState
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The method's state, or null when no logon has written one yet. Throws <see cref="JsonException"/> for a damaged one.</summary>
    public static T? Read<T>(Template template) where T : class =>
        template.LogonState is { } json
            ? JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException($"Null {typeof(T).Name} in template {template.Id}.")
            : null;

    /// <summary>The template with <paramref name="state"/> as its logon state; the sealed secret is the same array.</summary>
    public static Template With<T>(Template template, T state) where T : class =>
        template with { LogonState = JsonSerializer.Serialize(state, Json) };
}
