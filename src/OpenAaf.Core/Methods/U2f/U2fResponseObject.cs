using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// Finds the U2F JavaScript API result (<c>signResponse</c>, <c>registerResponse</c>) in a method
/// <c>response</c>: as an object, as a JSON string (clients that pass the API result on stringified), or
/// unwrapped, with its fields directly in <c>response</c>.
/// </summary>
internal static class U2fResponseObject
{
    private static readonly JsonSerializerOptions StringifiedJson = new() { MaxDepth = 16 };

    /// <summary>
    /// Null when the response has none. Otherwise the element, which is an object unless the client sent
    /// something unusable: the caller answers that with its "malformed" outcome.
    /// </summary>
    public static JsonElement? Find(MethodInput input, string wrapper, params ReadOnlySpan<string> unwrappedFields)
    {
        if (JsonKeys.TryGet(input.Raw, wrapper, out var value))
            return value.ValueKind == JsonValueKind.String ? Parse(value.GetString()) : value;
        foreach (var field in unwrappedFields)
            if (JsonKeys.TryGet(input.Raw, field, out _)) return input.Raw;
        return null;
    }

    private static JsonElement Parse(string? json)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json ?? "", StringifiedJson);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
