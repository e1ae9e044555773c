using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// What Program.cs calls: <see cref="AddOpenAafConfiguration"/> after <see cref="ConfigFileLoader.Load(IReadOnlyList{string})"/>,
/// and <see cref="InitializeOpenAafConfigurationAsync"/> once storage is migrated (the store interfaces
/// of Core must be registered by the storage wiring).
/// </summary>
public static class ConfigurationServiceCollectionExtensions
{
    public static IServiceCollection AddOpenAafConfiguration(this IServiceCollection services, OpenAafSettings settings, BootstrapDocument document)
    {
        services.AddSingleton(settings);
        services.AddSingleton(document);
        services.AddSingleton(_ => MasterKey.LoadOrCreate(settings.MasterKey, settings.DataDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<MasterKey>().CreateProtector());
        services.TryAddSingleton(new PasswordHasher());
        services.TryAddSingleton(TimeProvider.System);
        // The host registers its catalogue first (AddOpenAafCore); alone, configuration knows the built-in methods.
        services.TryAddSingleton(BuiltInMethods.Catalog);
        services.AddSingleton<ConfigurationService>();
        services.AddSingleton<OpenAaf.Core.Configuration.IConfigurationSource>(sp => sp.GetRequiredService<ConfigurationService>());
        return services;
    }

    /// <summary>
    /// Checks the master key, loads the stored configuration and applies the bootstrap document.
    /// Throws <see cref="MasterKeyMismatchException"/> when the key does not belong to the data.
    /// </summary>
    public static async Task InitializeOpenAafConfigurationAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<ConfigurationService>();
        await configuration.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await configuration.ApplyBootstrapAsync(services.GetRequiredService<BootstrapDocument>(), cancellationToken).ConfigureAwait(false);
    }
}
