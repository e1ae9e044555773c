using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>
/// Only SQLite exists in this version: a <c>postgres</c> provider is refused with one configuration error, whether
/// it comes from the file or from the environment, instead of silently running SQLite.
/// </summary>
public sealed class StorageProviderTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_PostgresInTheFile_IsOneConfigurationError() =>
        ConfigAssert.SingleError(_dir.Load("""{ "storage": { "provider": "postgres", "connectionString": "Host=db" } }"""),
            "storage.provider", "postgres is not available in this version");

    [Fact]
    public void Load_PostgresFromTheEnvironment_IsOneConfigurationErrorNamingTheVariable()
    {
        var result = _dir.Load("""{ "storage": { "provider": "sqlite" } }""",
            ("OPENAAF_Storage__Provider", "postgres"), ("OPENAAF_Storage__ConnectionString", "Host=db"));

        ConfigAssert.SingleError(result, "storage.provider", "postgres is not available in this version");
        Assert.Contains("OPENAAF_Storage__Provider", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmbedded_PostgresFromTheEnvironment_IsRefusedToo() =>
        ConfigAssert.SingleError(ConfigFileLoader.LoadEmbedded(ConfigTestDirectory.Env(("OPENAAF_Storage__Provider", "Postgres")), _dir.Path),
            "storage.provider", "postgres is not available in this version");

    [Fact]
    public void Load_SqliteAnyCase_IsAccepted()
    {
        var result = _dir.Load("""{ "storage": { "provider": "SQLite", "connectionString": "Data Source=x.db" } }""");

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(StorageProvider.Sqlite, result.Settings.StorageProvider);
    }
}
