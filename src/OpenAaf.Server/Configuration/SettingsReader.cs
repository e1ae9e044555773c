using OpenAaf.Core.Configuration.Bootstrap;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Reads the host sections: <c>storage</c> (with <c>dataDirectory</c>, an OpenAAF extension placed there
/// so that <c>OPENAAF_Storage__DataDirectory</c> can override it), <c>security</c>, <c>https</c> and <c>network</c>.
/// </summary>
internal static class SettingsReader
{
    public const string DataDirectoryKey = "dataDirectory";

    public static OpenAafSettings Read(ConfigObject root, string? configPath, string baseDirectory)
    {
        var storage = root.Object("storage");
        var dataDirectory = storage?.String(DataDirectoryKey) ?? OpenAafSettings.DefaultDataDirectory;
        if (dataDirectory.Trim().Length == 0) root.Errors.Add(storage!.PathOf(DataDirectoryKey), "must not be empty");
        var (provider, connectionString) = ReadStorage(storage, dataDirectory, root.Errors);
        return new OpenAafSettings
        {
            ConfigPath = configPath,
            StorageProvider = provider,
            ConnectionString = connectionString,
            MasterKey = ReadSecurity(root.Object("security")),
            Https = ReadHttps(root.Object("https"), baseDirectory),
            Telemetry = TelemetryReader.Read(root.Object("telemetry")),
            DataDirectory = dataDirectory,
            TrustedProxies = ReadNetwork(root.Object("network")),
        };
    }

    /// <summary><c>network.trustedProxies</c>: addresses (<c>127.0.0.1</c>) or networks (<c>10.0.0.0/8</c>) whose X-Forwarded-* headers count.</summary>
    private static IReadOnlyList<System.Net.IPNetwork> ReadNetwork(ConfigObject? network)
    {
        if (network is null) return [];
        var proxies = new List<System.Net.IPNetwork>();
        var texts = network.Strings("trustedProxies") ?? [];
        for (var i = 0; i < texts.Count; i++)
        {
            if (TrustedProxy(texts[i]) is { } proxy) proxies.Add(proxy);
            else network.Errors.Add(ConfigPath.Index(network.PathOf("trustedProxies"), i),
                $"\"{texts[i]}\" is not an IP address or a network in CIDR notation (10.0.0.0/8)");
        }
        network.RefuseUnknownKeys();
        return proxies;
    }

    private static System.Net.IPNetwork? TrustedProxy(string text)
    {
        if (System.Net.IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
            return new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8);
        // Note: "10.0.0.1/8" parses as 10.0.0.0/8; refuse it, since the host bits suggest a typo in the prefix.
        return System.Net.IPNetwork.TryParse(text, out var network) &&
               System.Net.IPAddress.TryParse(text.Split('/')[0], out var given) && given.Equals(network.BaseAddress)
            ? network
            : null;
    }

    /// <summary>SQLite defaults to <c>openaaf.db</c> in the data directory (<c>Data Source=data/openaaf.db</c>).</summary>
    private static (StorageProvider, string) ReadStorage(ConfigObject? storage, string dataDirectory, ConfigErrors errors)
    {
        var sqliteDefault = $"Data Source={Path.Combine(dataDirectory, "openaaf.db")}";
        if (storage is null) return (StorageProvider.Sqlite, sqliteDefault);
        var providerText = storage.String("provider") ?? "sqlite";
        switch (providerText.ToLowerInvariant())
        {
            case "sqlite":
                break;
            case "postgres":
                // Note: refused rather than silently served by SQLite, which would keep the data where the operator does not expect it.
                errors.Add(storage.PathOf("provider"), "postgres is not available in this version (sqlite only)");
                break;
            default:
                errors.Add(storage.PathOf("provider"), $"unknown provider \"{providerText}\" (sqlite)");
                break;
        }
        var connectionString = storage.String("connectionString");
        if (connectionString is { Length: 0 }) errors.Add(storage.PathOf("connectionString"), "must not be empty");
        storage.RefuseUnknownKeys();
        return (StorageProvider.Sqlite, connectionString ?? sqliteDefault);
    }

    private static string? ReadSecurity(ConfigObject? security)
    {
        if (security is null) return null;
        var key = security.String("masterKey");
        // Note: the message never repeats the value: it is a secret even when it is malformed.
        if (key is not null && MasterKey.TryParse(key) is null)
            security.Errors.Add(security.PathOf("masterKey"), "must be the base64 text of 32 bytes (e.g. openssl rand -base64 32)");
        security.RefuseUnknownKeys();
        return key;
    }

    private static HttpsSettings? ReadHttps(ConfigObject? https, string baseDirectory)
    {
        if (https is null) return null;
        var certificate = ConfigFiles.Resolve(https.String("certificate", required: true), baseDirectory);
        var password = https.String("password");
        var key = ConfigFiles.Resolve(https.String("key"), baseDirectory);
        https.RefuseUnknownKeys();
        if (certificate is null) return null;
        ConfigFiles.Check(https, "certificate", certificate);
        var extension = Path.GetExtension(certificate).ToLowerInvariant();
        if (extension is ".pem" or ".crt")
        {
            if (key is null) https.Errors.Add(https.PathOf("key"), "is required with a PEM certificate");
            else ConfigFiles.Check(https, "key", key);
        }
        else if (extension is ".pfx" or ".p12")
        {
            if (key is not null) https.Errors.Add(https.PathOf("key"), "is only for PEM certificates (a PFX holds its key)");
        }
        else
        {
            https.Errors.Add(https.PathOf("certificate"), "must be a .pfx/.p12 or a .pem/.crt file");
        }
        return new HttpsSettings(certificate, password, key);
    }
}
