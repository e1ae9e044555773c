using System.Text.Json;

namespace OpenAaf.Server.Http;

/// <summary>
/// Finds the keys and string values of a JSON body that are not text: an escape that leaves a lone UTF-16
/// surrogate (<c>"\ud800"</c>), or NUL (<c>"\u0000"</c>), which C libraries underneath (the LDAP client) would
/// read as the end of the string. The body's bytes are already known to be valid UTF-8, so only escaped tokens
/// need unescaping; a request that passes never makes <see cref="JsonElement.GetString"/> throw.
/// </summary>
internal static class JsonTextCheck
{
    public const string ValueProblem = "Must be valid Unicode text without NUL";
    public const string KeyProblem = "Keys must be valid Unicode text without NUL";
    private const int MaxReported = 16;

    public static List<FieldError> Problems(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var problems = new List<FieldError>();
        // Without a backslash nothing is escaped, and valid UTF-8 cannot hold anything else this looks for.
        if (!utf8Json.Contains((byte)'\\')) return problems;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        while (problems.Count < MaxReported && reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Add(new Frame(ValuePath(frames), reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    var frame = frames[^1];
                    if (IsText(ref reader, out var key))
                    {
                        frame.Key = key;
                    }
                    else
                    {
                        frame.Key = "?";
                        problems.Add(new FieldError("body", frame.Path.Length > 0 ? frame.Path : "body", KeyProblem));
                    }
                    break;
                case JsonTokenType.String:
                    var path = ValuePath(frames);
                    if (!IsText(ref reader, out _)) problems.Add(new FieldError("body", path.Length > 0 ? path : "body", ValueProblem));
                    break;
                default:
                    ValuePath(frames);
                    break;
            }
        }
        return problems;
    }

    /// <summary>Unescapes only tokens that carry escapes; an unescaped token of valid UTF-8 cannot hold NUL (JSON forbids raw control characters).</summary>
    private static bool IsText(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (!reader.ValueIsEscaped)
        {
            if (reader.TokenType == JsonTokenType.PropertyName) text = reader.GetString();
            return true;
        }
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        return !text.Contains('\0', StringComparison.Ordinal);
    }

    /// <summary>The dotted path of the value about to be read (<c>response.capture.ISO</c>, <c>items[2]</c>), advancing array indices.</summary>
    private static string ValuePath(List<Frame> frames)
    {
        if (frames.Count == 0) return "";
        var parent = frames[^1];
        if (parent.IsArray) return $"{parent.Path}[{parent.Index++}]";
        return parent.Path.Length == 0 ? parent.Key ?? "" : $"{parent.Path}.{parent.Key}";
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; }
        public string? Key { get; set; }
    }
}
