using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

public sealed class EnvironmentOverrideTests : IDisposable
{
    private const string File = """
        {
          "storage": { "provider": "sqlite" },
          "bootstrap": {
            "chains": [ { "name": "Password only", "methods": ["PASSWORD:1"] } ],
            "endpoints": [ { "name": "test", "secret": "from-file" } ],
            "policies": { "LockoutOptions": { "failed_attempts": 3 } }
          }
        }
        """;

    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Override_MatchesFileKeysCaseInsensitively()
    {
        var result = _dir.Load(File, ("OPENAAF_Storage__Provider", "SQLite"), ("OPENAAF_STORAGE__CONNECTIONSTRING", "Data Source=env.db"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(StorageProvider.Sqlite, result.Settings.StorageProvider);
        Assert.Equal("Data Source=env.db", result.Settings.ConnectionString);
    }

    [Fact]
    public void Override_NumericSegment_IndexesArrays()
    {
        var result = _dir.Load(File, ("OPENAAF_Bootstrap__Endpoints__0__Secret", "from-env"), ("OPENAAF_Bootstrap__Chains__0__Enabled", "false"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal("from-env", result.Document.Endpoints[0].Secret);
        Assert.False(result.Document.Chains[0].Enabled);
    }

    [Fact]
    public void Override_PolicyFields_AreConvertedToTheFieldType()
    {
        var result = _dir.Load(File,
            ("OPENAAF_Bootstrap__Policies__LockoutOptions__failed_attempts", "7"),
            ("OPENAAF_Bootstrap__Policies__LockoutOptions__is_enabled", "false"),
            ("OPENAAF_Bootstrap__Policies__U2fMethod__facets_prefixes", "[\"https://a.example\"]"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(7, result.Document.Policies.Lockout.FailedAttempts);
        Assert.False(result.Document.Policies.Lockout.IsEnabled);
        Assert.Equal(["https://a.example"], result.Document.Policies.U2fMethod.FacetsPrefixes);
    }

    [Fact]
    public void Override_UnknownKey_IsCheckedLikeAFileKey() =>
        ConfigAssert.SingleError(_dir.Load(File, ("OPENAAF_Storage__Flavour", "x")), "storage.Flavour", "unknown key (set by environment variable OPENAAF_Storage__Flavour)");

    [Fact]
    public void Override_InvalidValue_IsReportedWithTheVariable() =>
        ConfigAssert.SingleError(_dir.Load(File, ("OPENAAF_Storage__Provider", "mysql")), "storage.provider", "OPENAAF_Storage__Provider");

    [Fact]
    public void Override_IntoAScalar_IsAnError() =>
        ConfigAssert.SingleError(_dir.Load(File, ("OPENAAF_Storage__Provider__Name", "x")), "storage.provider", "does not fit");

    [Fact]
    public void Variables_WithoutDoubleUnderscore_AreNotSettings()
    {
        var result = _dir.Load(File, ("OPENAAF_CONFIG", "/x.json"), ("OPENAAF_MASTER_KEY", "not a key"), ("OPENAAF_Storage", "x"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
    }

    [Fact]
    public void Override_CreatesMissingSections()
    {
        var result = _dir.Load("{}", ("OPENAAF_Security__MasterKey", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.NotNull(result.Settings.MasterKey);
    }
}
