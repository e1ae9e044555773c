using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>Parses the configuration file: JSON with comments and trailing commas (jsonc).</summary>
internal static class ConfigJsonText
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonObject? Parse(string text, string source, ConfigErrors errors)
    {
        try
        {
            if (JsonNode.Parse(text, documentOptions: Options) is JsonObject root) return root;
            errors.Add("", $"{source}: the configuration must be a JSON object");
        }
        catch (JsonException e)
        {
            // Note: line numbers are 0-based in JsonException; editors count from 1.
            errors.Add("", $"{source}: invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
        }
        return null;
    }
}
