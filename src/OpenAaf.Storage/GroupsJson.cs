using System.Buffers;
using System.Text.Json;

namespace OpenAaf.Storage;

/// <summary>A list of names as a JSON array of strings, without reflection.</summary>
internal static class GroupsJson
{
    public static string Write(IReadOnlyList<string> groups)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var group in groups)
            {
                writer.WriteStringValue(group);
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var groups = new List<string>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            groups.Add(element.GetString() ?? "");
        }
        return groups;
    }
}
