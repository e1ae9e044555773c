using System.Text.Json;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// A capture as the client's device helper returns it (methods.md §11.2): <c>ISO</c> (a base64 record) and
/// <c>captureStatus</c>. Every other key (<c>Image</c>, <c>Width</c>, <c>Dpi</c>, …) is ignored.
/// </summary>
internal readonly record struct FingerCapture(string? Status, JsonElement Iso, bool HasIso)
{
    /// <summary>methods.md §11.2 step 1: "ok" in any case [V OK, O Ok], or no status at all.</summary>
    public bool StatusIsOk => Status is null || Status.Equals("ok", StringComparison.OrdinalIgnoreCase);

    public bool IsFakeFinger => string.Equals(Status, "FakeFinger", StringComparison.OrdinalIgnoreCase);

    public static FingerCapture Of(JsonElement capture)
    {
        string? status = null;
        if (JsonKeys.TryGet(capture, "captureStatus", out var s))
            status = s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText();
        var hasIso = JsonKeys.TryGet(capture, "ISO", out var iso);
        return new FingerCapture(status, iso, hasIso);
    }

    /// <summary>
    /// The capture object from a value that is the object itself or a JSON string of it: multi-finger readers
    /// return stringified captures [O]. False for anything else (a raw image, a number).
    /// </summary>
    public static bool TryResolve(JsonElement value, out JsonElement capture)
    {
        capture = value;
        if (value.ValueKind == JsonValueKind.Object) return true;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !text.TrimStart().StartsWith('{')) return false;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            capture = document.RootElement.Clone();
            return capture.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>api.md §1.3 rules 1–2 applied to an object: <c>{}</c>, or only null values, is no data at all.</summary>
    public static bool IsEmptyObject(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Null);
}
