namespace OpenAaf.Storage.Tests.Contracts;

/// <summary>Base of the durable store contracts: each test gets a fresh, initialised database of the provider.</summary>
public abstract class DurableStoreContract : IAsyncLifetime
{
    protected DurableStores Stores { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<DurableStores> CreateStoresAsync(CancellationToken cancellationToken);

    public async ValueTask InitializeAsync() => Stores = await CreateStoresAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await Stores.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
