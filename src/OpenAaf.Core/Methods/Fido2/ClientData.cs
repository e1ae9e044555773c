using System.Text.Json;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The fields of <c>clientDataJSON</c> (WebAuthn §5.8.1) that verification uses. The JSON is parsed, never
/// compared with a template (browsers add keys); its bytes are hashed exactly as received.
/// </summary>
public sealed record ClientData(string Type, string Challenge, string Origin, bool CrossOrigin)
{
    public const string Create = "webauthn.create";
    public const string Get = "webauthn.get";

    /// <summary>Null when the bytes are not a UTF-8 JSON object with string <c>type</c>, <c>challenge</c>, <c>origin</c>.</summary>
    public static ClientData? TryParse(byte[] json)
    {
        try
        {
            // Duplicate keys are refused: two "challenge" members must not let two parsers disagree.
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (String(root, "type") is not { } type || String(root, "challenge") is not { } challenge ||
                String(root, "origin") is not { } origin)
                return null;
            var crossOrigin = false;
            if (root.TryGetProperty("crossOrigin", out var cross))
            {
                if (cross.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)) return null;
                crossOrigin = cross.ValueKind == JsonValueKind.True;
            }
            return new ClientData(type, challenge, origin, crossOrigin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
