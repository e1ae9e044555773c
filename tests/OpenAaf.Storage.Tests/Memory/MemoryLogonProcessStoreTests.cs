using OpenAaf.Core.Sessions;
using OpenAaf.Storage.Memory;
using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Memory;

public sealed class MemoryLogonProcessStoreTests : LogonProcessStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override ILogonProcessStore CreateStore() => new MemoryLogonProcessStore();

    [Fact]
    public async Task EndedRecords_AreBounded_TheOldestForgottenFirst()
    {
        // Arrange: a client that starts and ends processes as fast as it can
        var store = new MemoryLogonProcessStore(maxEnded: 3);
        var processes = Enumerable.Range(0, 5).Select(_ => Samples.Process()).ToList();

        // Act
        foreach (var process in processes)
        {
            await store.AddAsync(process, Ct);
            await store.EndAsync(process.Id, Samples.T0, Ct);
        }

        // Assert
        Assert.Null(await store.FindEndedAsync(processes[0].Id, Ct));
        Assert.Null(await store.FindEndedAsync(processes[1].Id, Ct));
        foreach (var kept in processes.Skip(2))
        {
            Assert.NotNull(await store.FindEndedAsync(kept.Id, Ct));
        }
    }
}
