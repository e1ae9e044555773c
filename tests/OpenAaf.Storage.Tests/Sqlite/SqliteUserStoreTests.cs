using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Sqlite;

public sealed class SqliteUserStoreTests : UserStoreContract
{
    protected override async Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken) => await SqliteStores.CreateAsync(cancellationToken);
}
