using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Reads one JSON object of the configuration file, key by key, recording type errors with their path.
/// Keys match case-insensitively (as ASP.NET Core binding does); every key read is remembered, so
/// <see cref="RefuseUnknownKeys"/> can report the rest. Booleans and numbers may also be strings,
/// because environment overrides are strings.
/// </summary>
internal sealed class ConfigObject
{
    private readonly JsonObject _node;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    private ConfigObject(JsonObject node, string path, ConfigErrors errors)
    {
        _node = node;
        Path = path;
        Errors = errors;
    }

    public string Path { get; }
    public ConfigErrors Errors { get; }

    /// <summary>The object at <paramref name="path"/>, or null (with an error) when the node is something else.</summary>
    public static ConfigObject? From(JsonNode? node, string path, ConfigErrors errors)
    {
        if (node is JsonObject obj) return new ConfigObject(obj, path, errors);
        errors.Add(path, "expected an object");
        return null;
    }

    public string PathOf(string key) => ConfigPath.Key(Path, key);

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The raw node of a key (null when absent or JSON null), marking it as read.</summary>
    public JsonNode? Node(string key) => Find(key);

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required) Errors.Add(PathOf(key), "is required");
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) return value.GetValue<string>();
        Errors.Add(PathOf(key), "expected a string");
        return null;
    }

    /// <summary>A required string that must not be empty or blank.</summary>
    public string? Name(string key)
    {
        var text = String(key, required: true);
        if (text is not null && text.Trim().Length == 0) Errors.Add(PathOf(key), "must not be empty");
        return text is null || text.Trim().Length == 0 ? null : text;
    }

    public bool Bool(string key, bool fallback)
    {
        switch (Find(key))
        {
            case null: return fallback;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False: return v.GetValue<bool>();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b): return b;
            default:
                Errors.Add(PathOf(key), "expected true or false");
                return fallback;
        }
    }

    public int? Int(string key)
    {
        switch (Find(key))
        {
            case null: return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n): return n;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String
                && int.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                Errors.Add(PathOf(key), "expected an integer");
                return null;
        }
    }

    /// <summary>An array of strings; null when absent or malformed (each bad element is reported).</summary>
    public IReadOnlyList<string>? Strings(string key)
    {
        if (Find(key) is not { } node) return null;
        if (node is not JsonArray array)
        {
            Errors.Add(PathOf(key), "expected an array of strings");
            return null;
        }
        var list = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String) list.Add(v.GetValue<string>());
            else Errors.Add(ConfigPath.Index(PathOf(key), i), "expected a string");
        }
        return list.Count == array.Count ? list : null;
    }

    public ConfigObject? Object(string key) => Find(key) is { } node ? From(node, PathOf(key), Errors) : null;

    /// <summary>The objects of an array; elements that are not objects are reported and skipped.</summary>
    public IReadOnlyList<ConfigObject> Objects(string key)
    {
        if (Find(key) is not { } node) return [];
        if (node is not JsonArray array)
        {
            Errors.Add(PathOf(key), "expected an array");
            return [];
        }
        return array.Select((item, i) => From(item, ConfigPath.Index(PathOf(key), i), Errors))
            .OfType<ConfigObject>().ToList();
    }

    public void RefuseUnknownKeys()
    {
        foreach (var (key, _) in _node)
        {
            if (!_read.Contains(key)) Errors.Add(PathOf(key), "unknown key");
        }
    }

    private JsonNode? Find(string key)
    {
        _read.Add(key);
        var matches = _node.Where(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1) Errors.Add(PathOf(key), "given more than once (keys are case-insensitive)");
        return matches.Count == 0 ? null : matches[0].Value;
    }
}
