using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>Replaces every string <c>"env:NAME"</c> of the configuration with that environment variable; a missing one is an error.</summary>
internal static class EnvReferenceResolver
{
    public const string Prefix = "env:";

    public static void Resolve(JsonNode node, string path, IReadOnlyDictionary<string, string> environment, ConfigErrors errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child) Replace(child, ConfigPath.Key(path, key), environment, errors, v => obj[key] = v);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    if (array[i] is { } child) Replace(child, ConfigPath.Index(path, i), environment, errors, v => array[index] = v);
                }
                break;
        }
    }

    private static void Replace(JsonNode child, string path, IReadOnlyDictionary<string, string> environment, ConfigErrors errors, Action<JsonNode> set)
    {
        if (child is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Resolve(child, path, environment, errors);
            return;
        }
        var text = value.GetValue<string>();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return;
        var name = text[Prefix.Length..];
        if (name.Length == 0) errors.Add(path, "\"env:\" needs a variable name");
        else if (environment.TryGetValue(name, out var resolved)) set(JsonValue.Create(resolved));
        else errors.Add(path, $"environment variable {name} is not set");
    }
}
