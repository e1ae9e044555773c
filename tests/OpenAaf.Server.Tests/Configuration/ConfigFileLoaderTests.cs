using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

public sealed class ConfigFileLoaderTests : IDisposable
{
    private const string MasterKeyText = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_OperationsExample_WithItsVariablesSet_IsValid()
    {
        // Arrange: the example names a certificate and a CA file relative to the configuration file.
        _dir.Write("path/to/server.pfx", "not read by the loader");
        _dir.Write("path/to/ca.pem", "not read by the loader");
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "TestFiles", "operations-example.jsonc"));
        File.WriteAllText(_dir.ConfigFile, text);
        var env = ConfigTestDirectory.Env(("OPENAAF_MASTER_KEY", MasterKeyText), ("OPENAAF_CERT_PASSWORD", "cert-pw"),
            ("JAGUAR_BIND_PASSWORD", "bind-pw"), ("OPENAAF_ADMIN_PASSWORD", "admin-pw"), ("TEST_ENDPOINT_SECRET", "876543210"));

        // Act
        var result = ConfigFileLoader.Load(["--config", _dir.ConfigFile], env);

        // Assert
        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(StorageProvider.Sqlite, result.Settings.StorageProvider);
        Assert.Equal("Data Source=data/openaaf.db", result.Settings.ConnectionString);
        Assert.Equal(MasterKeyText, result.Settings.MasterKey);
        Assert.Equal(new HttpsSettings(Path.Combine(_dir.Path, "path/to/server.pfx"), "cert-pw", null), result.Settings.Https);
        var jaguar = result.Document.Repositories.Single(r => r.Name == "JAGUAR");
        Assert.Equal((RepositoryKind.Ldap, "bind-pw", "(|(uid={0})(sAMAccountName={0}))"), (jaguar.Kind, jaguar.BindPassword, jaguar.UserFilter));
        Assert.Equal(["ldap://127.0.0.1:10389"], jaguar.Urls);
        Assert.Equal("admin-pw", Assert.Single(result.Document.Users).Password);
        Assert.Equal([MethodIds.LdapPassword, MethodIds.Finger], Assert.Single(result.Document.Chains).Methods);
        Assert.Equal(ManagementScope.Self, Assert.Single(result.Document.Events).Scope);
        var endpoint = Assert.Single(result.Document.Endpoints);
        Assert.Equal(("41414141414141414141414141414141", "876543210", true), (endpoint.Id, endpoint.Secret, endpoint.IsTrusted));
        Assert.Equal(40, result.Document.Policies.FingerMethod.Threshold);
        Assert.Equal(["https://auth.example.com"], result.Document.Policies.U2fMethod.FacetsPrefixes);
        Assert.Equal(["FingerMethod", "LockoutOptions", "TOTPMethod", "U2fMethod"], result.Document.PolicyComponents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ConfigVariable_IsUsedWithoutArgument()
    {
        File.WriteAllText(_dir.ConfigFile, """{ "storage": { "provider": "sqlite", "connectionString": "Data Source=other.db" } }""");

        var result = ConfigFileLoader.Load([], ConfigTestDirectory.Env(("OPENAAF_CONFIG", _dir.ConfigFile)));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal((StorageProvider.Sqlite, "Data Source=other.db", _dir.ConfigFile), (result.Settings.StorageProvider, result.Settings.ConnectionString, result.Settings.ConfigPath));
    }

    [Fact]
    public void Load_ArgumentWithEquals_WinsOverVariable()
    {
        File.WriteAllText(_dir.ConfigFile, "{}");

        var result = ConfigFileLoader.Load([$"--config={_dir.ConfigFile}"], ConfigTestDirectory.Env(("OPENAAF_CONFIG", "/nonexistent.json")));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
    }

    [Fact]
    public void Load_MissingFile_IsAnError() =>
        ConfigAssert.SingleError(ConfigFileLoader.Load(["--config", Path.Combine(_dir.Path, "nope.json")], ConfigTestDirectory.Env()),
            "", "configuration file not found");

    [Fact]
    public void Load_ConfigWithoutValue_IsAnError() =>
        ConfigAssert.SingleError(ConfigFileLoader.Load(["--config"], ConfigTestDirectory.Env()), "", "--config needs a file name");

    [Fact]
    public void LoadText_CommentsAndTrailingCommas_AreAccepted()
    {
        var result = _dir.Load("""
            // a comment
            { "storage": { "provider": "sqlite", /* inline */ }, }
            """);

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal("Data Source=data/openaaf.db", result.Settings.ConnectionString);
    }

    [Fact]
    public void LoadText_InvalidJson_ReportsTheLine() =>
        ConfigAssert.SingleError(_dir.Load("{\n  \"storage\": {\n    \"provider\" \"sqlite\"\n  }\n}"), "", "line 3");

    [Fact]
    public void LoadText_EmptyObject_UsesDefaults()
    {
        var result = _dir.Load("{}");

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Null(result.Settings.MasterKey);
        Assert.Null(result.Settings.Https);
        Assert.Equal("data", result.Settings.DataDirectory);
        Assert.Empty(result.Document.Repositories);
    }
}
