using System.Text.Json;

namespace OpenAaf.Core.Methods;

/// <summary>
/// Tolerant key lookup of api.md §1.3 rule 4: clients convert key case either way (even <c>ISO</c> to
/// <c>i_s_o</c>), so keys are compared in a normalised form: lower case without <c>_</c> and <c>-</c>.
/// </summary>
public static class JsonKeys
{
    public static string Normalize(string key)
    {
        Span<char> buffer = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
        var length = 0;
        foreach (var c in key)
            if (c is not '_' and not '-') buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Finds the property of <paramref name="obj"/> whose key normalises like <paramref name="key"/>.
    /// A key spelled exactly as documented wins over other spellings; otherwise the first one wins.
    /// A JSON <c>null</c> value counts as absent.
    /// </summary>
    public static bool TryGet(JsonElement obj, string key, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object) return false;
        if (obj.TryGetProperty(key, out var exact))
        {
            value = exact;
            return exact.ValueKind != JsonValueKind.Null;
        }
        var wanted = Normalize(key);
        foreach (var property in obj.EnumerateObject())
        {
            if (!SameNormalized(property.Name, wanted)) continue;
            value = property.Value;
            return value.ValueKind != JsonValueKind.Null;
        }
        return false;
    }

    private static bool SameNormalized(string key, string normalized)
    {
        var j = 0;
        foreach (var c in key)
        {
            if (c is '_' or '-') continue;
            if (j >= normalized.Length || char.ToLowerInvariant(c) != normalized[j]) return false;
            j++;
        }
        return j == normalized.Length;
    }
}
