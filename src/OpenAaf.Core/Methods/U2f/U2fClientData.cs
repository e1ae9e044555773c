using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The fields of a U2F <c>clientData</c> or WebAuthn <c>clientDataJSON</c> that the server checks. Parsed as
/// JSON from the bytes as received (any key order, unknown keys, escapes such as <c>https:\/\/</c>); the
/// signature is always checked over those bytes, never over re-serialised JSON (notes/protocols.md §4.5).
/// </summary>
internal sealed record U2fClientData(string? Typ, string? Type, string Challenge, string Origin, bool CrossOrigin)
{
    public const string GetAssertion = "navigator.id.getAssertion";
    public const string FinishEnrollment = "navigator.id.finishEnrollment";
    public const string WebAuthnGet = "webauthn.get";

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 16,
        // Duplicate keys would let two parsers read two different origins or challenges from one document.
        AllowDuplicateProperties = false,
    };

    /// <summary>
    /// Null when the bytes are not a UTF-8 JSON object or a checked field has the wrong type. A missing
    /// challenge or origin reads as empty, which then fails its own check (methods.md §9.2 steps 4–5).
    /// </summary>
    public static U2fClientData? Parse(byte[] utf8)
    {
        // The JSON reader checks UTF-8 only in the strings it decodes; the signature covers every byte.
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return null;
        try
        {
            using var document = JsonDocument.Parse(utf8, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!TryString(root, "typ", out var typ) || !TryString(root, "type", out var type) ||
                !TryString(root, "challenge", out var challenge) || !TryString(root, "origin", out var origin))
                return null;
            var crossOrigin = false;
            if (root.TryGetProperty("crossOrigin", out var cross) && cross.ValueKind != JsonValueKind.Null)
            {
                if (cross.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return null;
                crossOrigin = cross.GetBoolean();
            }
            return new U2fClientData(typ, type, challenge ?? "", origin ?? "", crossOrigin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// methods.md §9.2 step 3: a U2F assertion (<c>typ</c>), or a WebAuthn assertion re-packed as a sign
    /// response (<c>type</c> webauthn.get, identical signature layout).
    /// </summary>
    public bool IsLegacyAssertion => Typ == GetAssertion || (Typ is null && Type == WebAuthnGet);

    /// <summary>methods.md §9.3: a WebAuthn <c>get</c>.</summary>
    public bool IsWebAuthnAssertion => Type == WebAuthnGet && Typ is null;

    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString();
        return true;
    }
}
