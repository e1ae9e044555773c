namespace OpenAaf.Server.Configuration;

/// <summary>The host settings of the configuration file, after environment overrides and <c>env:</c> secrets.</summary>
public sealed record OpenAafSettings
{
    public const string DefaultDataDirectory = "data";

    /// <summary>The configuration file, or null for the embedded default.</summary>
    public string? ConfigPath { get; init; }
    public StorageProvider StorageProvider { get; init; } = StorageProvider.Sqlite;
    public required string ConnectionString { get; init; }
    /// <summary>Base64 text of the master key, or null to use (or generate) <c>master.key</c> in the data directory.</summary>
    public string? MasterKey { get; init; }
    public HttpsSettings? Https { get; init; }
    public TelemetrySettings Telemetry { get; init; } = TelemetrySettings.None;
    /// <summary>Where generated files live (master key, demo credentials, the default SQLite database).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;
    /// <summary>Proxies whose X-Forwarded-For/-Proto headers are believed; empty = none (the peer is the client).</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];
    /// <summary>The file holding the generated demo credentials, when the embedded default is used.</summary>
    public string? DemoCredentialsPath { get; init; }

    /// <summary>One line for the start-up log: which storage and where the data lives (never a secret).</summary>
    public string Describe() =>
        $"storage {StorageProvider.ToString().ToLowerInvariant()}, data directory {Path.GetFullPath(DataDirectory)}, " +
        $"configuration {ConfigPath ?? "embedded default"}";
}
