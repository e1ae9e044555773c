using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Applies <c>OPENAAF_Section__Key=value</c> variables to the parsed file, the ASP.NET Core way: only names
/// with <c>__</c> are overrides, segments match the file's keys case-insensitively, numeric segments
/// index arrays. Values are strings; the readers accept strings for booleans and numbers.
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "OPENAAF_";

    public static void Apply(JsonObject root, IReadOnlyDictionary<string, string> environment, ConfigErrors errors)
    {
        var overrides = environment
            .Where(v => v.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && v.Key.Contains("__", StringComparison.Ordinal))
            .OrderBy(v => v.Key, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            var segments = name[Prefix.Length..].Split("__");
            if (segments.Any(s => s.Length == 0))
            {
                errors.Add("", $"environment variable {name}: empty key segment");
                continue;
            }
            Set(root, segments, value, name, errors);
        }
    }

    private static void Set(JsonObject root, string[] segments, string value, string variable, ConfigErrors errors)
    {
        JsonNode parent = root;
        var path = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            JsonNode? child = last ? JsonValue.Create(value) : IsIndex(segments[i + 1]) ? new JsonArray() : new JsonObject();
            switch (parent)
            {
                case JsonObject obj:
                    var key = obj.Select(p => p.Key).FirstOrDefault(k => k.Equals(segments[i], StringComparison.OrdinalIgnoreCase)) ?? segments[i];
                    path = ConfigPath.Key(path, key);
                    if (last || obj[key] is null) obj[key] = child;
                    parent = obj[key]!;
                    break;
                case JsonArray array when int.TryParse(segments[i], out var index) && index >= 0 && index <= array.Count:
                    path = ConfigPath.Index(path, index);
                    if (index == array.Count) array.Add(child);
                    else if (last || array[index] is null) array[index] = child;
                    parent = array[index]!;
                    break;
                default:
                    errors.Add(path, $"environment variable {variable} does not fit the configuration here");
                    return;
            }
        }
        errors.RecordOrigin(path, variable);
    }

    private static bool IsIndex(string segment) => segment.All(char.IsAsciiDigit);
}
