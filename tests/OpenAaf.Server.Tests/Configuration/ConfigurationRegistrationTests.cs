using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Configuration.Fakes;
using OpenAaf.Core.Users;
using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>The calls Program.cs makes: load, register, initialize.</summary>
public sealed class ConfigurationRegistrationTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task InitializeOpenAafConfigurationAsync_AppliesTheLoadedDocument()
    {
        // Arrange
        var loaded = ConfigFileLoader.LoadEmbedded(ConfigTestDirectory.Env(), _dir.Path);
        Assert.True(loaded.IsValid);
        var services = new ServiceCollection()
            .AddSingleton<IConfigurationStore>(new InMemoryConfigurationStore())
            .AddSingleton<IMetadataStore>(new InMemoryMetadataStore())
            .AddSingleton<IUserStore>(new InMemoryUserStore())
            .AddSingleton<ITemplateStore>(new InMemoryTemplateStore())
            .AddSingleton(ConfigurationHarness.Hasher)
            .AddOpenAafConfiguration(loaded.Settings, loaded.Document);
        await using var provider = services.BuildServiceProvider();

        // Act
        await provider.InitializeOpenAafConfigurationAsync(TestContext.Current.CancellationToken);

        // Assert
        var source = provider.GetRequiredService<IConfigurationSource>();
        Assert.Equal(loaded.Document.Endpoints[0].Id, Assert.Single(source.Current.Endpoints).Id);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "master.key")));
        Assert.Same(ConfigurationHarness.Hasher, provider.GetRequiredService<PasswordHasher>());
    }
}
