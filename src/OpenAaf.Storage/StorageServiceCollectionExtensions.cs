using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Auditing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Storage.Memory;
using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store as a singleton: the durable ones on a SQLite file (WAL), endpoint sessions, logon
    /// processes, login sessions and the object lock in memory. Call <see cref="InitializeOpenAafStorageAsync"/>
    /// at start, before the stores are used.
    /// </summary>
    /// <param name="connectionString">e.g. <c>Data Source=data/openaaf.db</c>; the directory is created.</param>
    public static IServiceCollection AddOpenAafSqliteStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddSingleton(_ => new SqliteDatabase(connectionString));
        services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IMetadataStore, StorageMetadataStore>();
        services.AddSingleton<IConfigurationStore, SqliteConfigurationStore>();
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<ITemplateStore, SqliteTemplateStore>();
        services.AddSingleton<ILockoutStore, SqliteLockoutStore>();
        services.AddSingleton<IAuditSink, SqliteAuditSink>();
        services.AddSingleton<OpenAaf.Core.Health.IStorageHealth, SqliteStorageHealth>();
        return services.AddOpenAafMemorySessionStores();
    }

    /// <summary>Endpoint sessions, logon processes, login sessions and the object lock in memory (single node).</summary>
    public static IServiceCollection AddOpenAafMemorySessionStores(this IServiceCollection services)
    {
        services.AddSingleton<IEndpointSessionStore, MemoryEndpointSessionStore>();
        services.AddSingleton<ILogonProcessStore, MemoryLogonProcessStore>();
        services.AddSingleton<OpenAaf.Core.Enrollment.IEnrollProcessStore, MemoryEnrollProcessStore>();
        services.AddSingleton<ILoginSessionStore, MemoryLoginSessionStore>();
        services.AddSingleton<IObjectLock, MemoryObjectLock>();
        return services;
    }

    /// <summary>Opens the database and creates or migrates its schema (the host calls this at start, before ready).</summary>
    public static Task InitializeOpenAafStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IStorageDatabase>().InitializeAsync(cancellationToken);
}
