using System.Globalization;
using System.Text.Json;

namespace OpenAaf.Core.Methods;

/// <summary>
/// The method-specific <c>response</c> object of a <c>do_logon</c> call. Absent or <c>null</c> means
/// "no data" (start or poll the method). Lookups are tolerant of key spelling (<see cref="JsonKeys"/>).
/// </summary>
public readonly struct MethodInput
{
    private readonly JsonElement _value;

    public MethodInput(JsonElement? value) =>
        _value = value is { ValueKind: JsonValueKind.Object } v ? v : default;

    public static MethodInput None => new(null);

    public bool IsEmpty => _value.ValueKind != JsonValueKind.Object;

    public JsonElement Raw => _value;

    /// <summary>A string field; a JSON number is accepted and converted (api.md §1.3 rule 6).</summary>
    public string? GetString(string key)
    {
        if (IsEmpty || !JsonKeys.TryGet(_value, key, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>True when the key is present with a value that is neither a string nor a number.</summary>
    public bool HasNonString(string key) =>
        !IsEmpty && JsonKeys.TryGet(_value, key, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number);

    public bool TryGetObject(string key, out JsonElement value) =>
        JsonKeys.TryGet(_value, key, out value) && value.ValueKind == JsonValueKind.Object;

    public long? GetInteger(string key)
    {
        if (IsEmpty || !JsonKeys.TryGet(_value, key, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        return v.ValueKind == JsonValueKind.String &&
               long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
    }
}
