using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>JSON of stored configuration objects (not a wire format): camelCase, enums by name.</summary>
internal static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Note: computed properties (IsDirectory, DataId, …) are derived again on load, never stored.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(int position, T value) =>
        JsonSerializer.Serialize(new StoredEnvelope<T>(position, value), Options);

    public static StoredEnvelope<T> Deserialize<T>(StoredConfigObject item) =>
        JsonSerializer.Deserialize<StoredEnvelope<T>>(item.Json, Options)
        ?? throw new InvalidDataException($"Stored {item.Kind} {item.Id} is empty.");
}
