using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Security;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// The generated secrets of the embedded default: created once with the CSPRNG into
/// <c>&lt;data dir&gt;/demo-credentials.json</c> (mode 0600) and reused, so the demo is the same after a
/// restart. The operator reads them there; logs only ever name the file.
/// </summary>
internal sealed record DemoCredentials(string UserName, string Password, string EndpointId, string EndpointSecret)
{
    public const string FileName = "demo-credentials.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Adds the credentials to the embedded tree where it has no value yet (an environment override wins); returns the file path.</summary>
    public static string? Inject(JsonObject root, ConfigErrors errors)
    {
        // Note: a malformed value is reported by the settings reader; here it just falls back to the default.
        var configured = Child(root, "storage") is JsonObject storage ? Child(storage, SettingsReader.DataDirectoryKey) : null;
        var dataDirectory = configured is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0
            ? text
            : OpenAafSettings.DefaultDataDirectory;
        var path = Path.Combine(dataDirectory, FileName);
        var credentials = LoadOrCreate(path, errors);
        if (credentials is null) return null;
        if (Child(root, "bootstrap") is not JsonObject bootstrap) return path;
        if (Child(bootstrap, "users") is JsonArray { Count: > 0 } users && users[0] is JsonObject admin)
            SetIfAbsent(admin, "password", credentials.Password);
        if (Child(bootstrap, "endpoints") is JsonArray { Count: > 0 } endpoints && endpoints[0] is JsonObject endpoint)
        {
            SetIfAbsent(endpoint, "id", credentials.EndpointId);
            SetIfAbsent(endpoint, "secret", credentials.EndpointSecret);
        }
        return path;
    }

    private static DemoCredentials? LoadOrCreate(string path, ConfigErrors errors)
    {
        try
        {
            if (File.Exists(path)) return Read(path, errors);
            var created = new DemoCredentials($"LOCAL\\{EmbeddedDefault.AdminName}", RandomIds.NewToken(), RandomIds.NewHexId(), RandomIds.NewToken());
            PrivateFile.WriteNew(path, JsonSerializer.Serialize(created, Options) + "\n");
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process wrote it first: use that one.
            return Read(path, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add("", $"cannot write the demo credentials to {path}: {e.Message}");
            return null;
        }
    }

    private static DemoCredentials? Read(string path, ConfigErrors errors)
    {
        try
        {
            var read = JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(path), Options);
            if (read is { Password.Length: > 0, EndpointSecret.Length: > 0, EndpointId.Length: 32 }) return read;
        }
        catch (JsonException)
        {
            // Reported below, once.
        }
        errors.Add("", $"{path} is not a valid demo credentials file: delete it to generate new credentials");
        return null;
    }

    private static JsonNode? Child(JsonObject parent, string key) =>
        parent.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;

    private static void SetIfAbsent(JsonObject parent, string key, string value)
    {
        if (Child(parent, key) is null) parent[key] = value;
    }
}
