using System.Text;
using System.Text.Json;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Tests.Configuration.Fakes;
using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ConfigLoadResult Load(params (string, string)[] env) => ConfigFileLoader.LoadEmbedded(ConfigTestDirectory.Env(env), _dir.Path);

    [Fact]
    public void LoadEmbedded_IsValidSqliteInTheDataDirectory()
    {
        var result = Load();

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Null(result.Settings.ConfigPath);
        Assert.Equal(StorageProvider.Sqlite, result.Settings.StorageProvider);
        Assert.Equal($"Data Source={Path.Combine(_dir.Path, "openaaf.db")}", result.Settings.ConnectionString);
        var admin = Assert.Single(result.Document.Users);
        Assert.Equal("ADMIN", admin.Name);
        Assert.Equal(["FULL ADMINS"], admin.Groups);
        Assert.Equal([MethodIds.Password], Assert.Single(result.Document.Chains).Methods);
        Assert.Contains(result.Document.Events, e => e.Name == EventDefinition.Default && e.Chains.SequenceEqual(["Password only"]));
        Assert.Contains(result.Document.Events, e => e.Name == EventDefinition.AuthenticatorsManagement && e.Chains.SequenceEqual(["Password only"]));
    }

    [Fact]
    public void LoadEmbedded_WritesGeneratedCredentialsOnceToAPrivateFile()
    {
        var first = Load();
        var second = Load();

        var path = Path.Combine(_dir.Path, "demo-credentials.json");
        Assert.Equal(path, first.Settings!.DemoCredentialsPath);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var file = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.Equal("LOCAL\\ADMIN", file.GetProperty("user_name").GetString());
        Assert.Equal(file.GetProperty("password").GetString(), first.Document!.Users[0].Password);
        Assert.Matches("^[A-Za-z0-9]{32}$", first.Document.Users[0].Password);
        Assert.Equal(file.GetProperty("endpoint_id").GetString(), first.Document.Endpoints[0].Id);
        Assert.Equal(file.GetProperty("endpoint_secret").GetString(), first.Document.Endpoints[0].Secret);
        Assert.Equal(first.Document.Users[0].Password, second.Document!.Users[0].Password);
        Assert.Equal(first.Document.Endpoints[0], second.Document.Endpoints[0]);
    }

    [Fact]
    public void Load_NoConfiguration_UsesTheDataDirectoryOverride()
    {
        var result = ConfigFileLoader.Load([], ConfigTestDirectory.Env(("OPENAAF_Storage__DataDirectory", _dir.Path)));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(_dir.Path, result.Settings.DataDirectory);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "demo-credentials.json")));
    }

    [Fact]
    public void LoadEmbedded_CorruptCredentialsFile_IsAnError()
    {
        _dir.Write("demo-credentials.json", "{}");

        ConfigAssert.SingleError(Load(), "", "not a valid demo credentials file");
    }

    [Fact]
    public void LoadEmbedded_EnvironmentOverrides_Apply()
    {
        var result = Load(("OPENAAF_Storage__Provider", "sqlite"), ("OPENAAF_Storage__ConnectionString", "Data Source=env.db"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal("Data Source=env.db", result.Settings.ConnectionString);
    }

    [Fact]
    public async Task EmbeddedDocument_AppliedOnEachStart_StaysTheSameDemo()
    {
        // Arrange
        var harness = new ConfigurationHarness();
        var credentials = Load().Document!;

        // Act: two starts, each loading the configuration again.
        var first = (await harness.StartAsync(credentials)).Current;
        var second = (await harness.StartAsync(Load().Document!)).Current;

        // Assert
        var endpoint = Assert.Single(second.Endpoints);
        Assert.Equal((credentials.Endpoints[0].Id, credentials.Endpoints[0].Secret), (endpoint.Id, endpoint.Secret));
        Assert.Equal(first.Chains.Single().Id, second.Chains.Single().Id);
        Assert.Equal(ManagementScope.Self, second.FindEvent(EventDefinition.AuthenticatorsManagement)!.Scope);
        Assert.Equal(EventDefinition.BuiltIn.Count, second.Events.Count);
        var userId = Assert.Single(harness.Users.Users).UserId;
        var template = Assert.Single(await harness.Templates.ListAsync(userId, TestContext.Current.CancellationToken));
        Assert.True(ConfigurationHarness.Hasher.Verify(credentials.Users[0].Password!, Encoding.UTF8.GetString(template.Secret)));
        Assert.Equal(1, harness.Templates.Writes);
    }
}
