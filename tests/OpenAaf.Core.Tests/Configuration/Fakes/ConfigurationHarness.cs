using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

/// <summary>One installation's durable state (stores and key); <see cref="Start"/> is a fresh process over it.</summary>
public sealed class ConfigurationHarness
{
    public InMemoryConfigurationStore Store { get; } = new();
    public InMemoryMetadataStore Metadata { get; } = new();
    public InMemoryUserStore Users { get; } = new();
    public InMemoryTemplateStore Templates { get; } = new();
    public MasterKey Key { get; set; } = new(RandomNumberGenerator.GetBytes(MasterKey.Size));
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567));

    /// <summary>Cheap Argon2 parameters: the tests are about when hashing happens, not how strong it is.</summary>
    public static PasswordHasher Hasher { get; } = new(memoryKiB: 1024, iterations: 1);

    public ConfigurationService Create() => new(Store, Metadata, Users, Templates, Key, Hasher, Time, BuiltInMethods.Catalog);

    public async Task<ConfigurationService> StartAsync(BootstrapDocument document)
    {
        var service = Create();
        await service.InitializeAsync(TestContext.Current.CancellationToken);
        await service.ApplyBootstrapAsync(document, TestContext.Current.CancellationToken);
        return service;
    }
}
