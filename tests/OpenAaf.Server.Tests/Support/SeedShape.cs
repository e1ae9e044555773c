using System.Text.Json;

namespace OpenAaf.Server.Tests.Support;

/// <summary>
/// The seed conformance rule (api.md §0): every key of a vendor sample is present in our reply with the
/// same JSON type, recursively; values that depend on test data are never compared.
/// </summary>
public static class SeedShape
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Seeds", name + ".json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    /// <summary>The differences, as readable lines; empty when the reply conforms.</summary>
    public static IReadOnlyList<string> Differences(JsonElement seed, JsonElement reply, params string[] ignoredKeys)
    {
        var problems = new List<string>();
        Compare(seed, reply, "$", problems, ignoredKeys);
        return problems;
    }

    private static void Compare(JsonElement seed, JsonElement reply, string path, List<string> problems, string[] ignored)
    {
        if (Kind(seed) != Kind(reply))
        {
            problems.Add($"{path}: seed has {Kind(seed)}, reply has {Kind(reply)}");
            return;
        }
        if (seed.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in seed.EnumerateObject())
            {
                if (ignored.Contains(property.Name)) continue;
                if (!reply.TryGetProperty(property.Name, out var value))
                    problems.Add($"{path}.{property.Name}: missing");
                else
                    Compare(property.Value, value, $"{path}.{property.Name}", problems, ignored);
            }
        }
        else if (seed.ValueKind == JsonValueKind.Array && seed.GetArrayLength() > 0 && reply.GetArrayLength() > 0)
        {
            Compare(seed[0], reply[0], path + "[0]", problems, ignored);
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
