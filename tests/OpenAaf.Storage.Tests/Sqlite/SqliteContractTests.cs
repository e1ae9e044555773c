using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Sqlite;

public sealed class SqliteUserStoreTests : UserStoreContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}

public sealed class SqliteTemplateStoreTests : TemplateStoreContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}

public sealed class SqliteLockoutStoreTests : LockoutStoreContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}

public sealed class SqliteConfigurationStoreTests : ConfigurationStoreContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}

public sealed class SqliteAuditSinkTests : AuditSinkContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}

public sealed class SqliteDurabilityTests : DurabilityContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}
