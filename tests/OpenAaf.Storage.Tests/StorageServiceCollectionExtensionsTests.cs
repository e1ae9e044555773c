using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Auditing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "openaaf-storage-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddOpenAafSqliteStorage_ResolvesEveryStoreAsSingletonAndInitialises()
    {
        // Arrange
        var services = new ServiceCollection().AddOpenAafSqliteStorage($"Data Source={Path.Combine(_directory, "data", "openaaf.db")}");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Act
        await provider.InitializeOpenAafStorageAsync(TestContext.Current.CancellationToken);
        var metadata = provider.GetRequiredService<IMetadataStore>();
        await metadata.SetAsync("master_key_check", "v1", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("v1", await metadata.GetAsync("master_key_check", TestContext.Current.CancellationToken));
        foreach (var type in new[]
                 {
                     typeof(IStorageDatabase), typeof(IConfigurationStore), typeof(IUserStore), typeof(ITemplateStore),
                     typeof(ILockoutStore), typeof(IAuditSink), typeof(IEndpointSessionStore), typeof(ILogonProcessStore),
                     typeof(ILoginSessionStore), typeof(IObjectLock), typeof(IMetadataStore),
                 })
        {
            Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type));
        }
        Assert.True(File.Exists(provider.GetRequiredService<IStorageDatabase>().Location));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
