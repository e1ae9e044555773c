using OpenAaf.Core.Logon;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class LogonProcessStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ILogonProcessStore CreateStore();

    [Fact]
    public async Task Add_ThenGet_ReturnsTheProcess()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process();

        // Act
        await store.AddAsync(process, Ct);

        // Assert
        Assert.Same(process, await store.GetAsync(process.Id, Ct));
        Assert.Null(await store.GetAsync("unknown", Ct));
    }

    [Fact]
    public async Task TryUpdate_ExpectedVersion_StoresProcessWithNextVersion()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process();
        await store.AddAsync(process, Ct);

        // Act
        var updated = await store.TryUpdateAsync(process with { Stage = LogonStage.AwaitingNext, Version = 99 }, 0, Ct);

        // Assert
        Assert.True(updated);
        Assert.Equal(process with { Stage = LogonStage.AwaitingNext, Version = 1 }, await store.GetAsync(process.Id, Ct));
    }

    [Fact]
    public async Task TryUpdate_StaleVersionOrUnknown_ReturnsFalseAndChangesNothing()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process();
        await store.AddAsync(process, Ct);
        await store.TryUpdateAsync(process with { MethodState = "first" }, 0, Ct);

        // Act
        var stale = await store.TryUpdateAsync(process with { MethodState = "second" }, 0, Ct);
        var unknown = await store.TryUpdateAsync(Samples.Process(), 0, Ct);

        // Assert
        Assert.False(stale);
        Assert.False(unknown);
        var stored = await store.GetAsync(process.Id, Ct);
        Assert.Equal(("first", 1L), (stored!.MethodState, stored.Version));
    }

    [Fact]
    public async Task TryUpdate_ParallelWithSameExpectedVersion_ExactlyOneWins()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process();
        await store.AddAsync(process, Ct);
        for (var round = 0L; round < 20; round++)
        {
            // Act
            var results = await Concurrently.RunAsync(16, i => store.TryUpdateAsync(process with { MethodState = $"{round}:{i}" }, round, Ct));

            // Assert
            var winner = Assert.Single(Enumerable.Range(0, 16), i => results[i]);
            var stored = await store.GetAsync(process.Id, Ct);
            Assert.Equal(($"{round}:{winner}", round + 1), (stored!.MethodState, stored.Version));
        }
    }

    [Fact]
    public async Task Remove_ByIdSessionAndEndpoint_RemovesOnlyThose()
    {
        // Arrange
        var store = CreateStore();
        var a = Samples.Process(endpointSessionId: "s1", endpointId: "e1");
        var b = Samples.Process(endpointSessionId: "s2", endpointId: "e1");
        var c = Samples.Process(endpointSessionId: "s3", endpointId: "e2");
        var d = Samples.Process(endpointSessionId: "s3", endpointId: "e2");
        foreach (var p in new[] { a, b, c, d })
        {
            await store.AddAsync(p, Ct);
        }

        // Act
        var removed = await store.RemoveAsync(a.Id, Ct);
        var again = await store.RemoveAsync(a.Id, Ct);
        await store.RemoveByEndpointSessionAsync("s2", Ct);
        var cAfterSession = await store.GetAsync(c.Id, Ct);
        await store.RemoveByEndpointAsync("e2", Ct);

        // Assert
        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await store.GetAsync(b.Id, Ct));
        Assert.NotNull(cAfterSession);
        Assert.Null(await store.GetAsync(c.Id, Ct));
        Assert.Null(await store.GetAsync(d.Id, Ct));
    }

    [Fact]
    public async Task Prune_RemovesIdleAndTooOldOnly()
    {
        // Arrange
        var store = CreateStore();
        var t = Samples.T0;
        var idle = Samples.Process(at: t);
        var old = Samples.Process(at: t.AddMinutes(-40)) with { LastUsed = t.AddMinutes(9) };
        var fresh = Samples.Process(at: t.AddMinutes(9));
        foreach (var p in new[] { idle, old, fresh })
        {
            await store.AddAsync(p, Ct);
        }

        // Act: now = t + 10 min, idle timeout 5 min, lifetime 30 min
        await store.PruneAsync(t.AddMinutes(5), t.AddMinutes(-20), Ct);

        // Assert
        Assert.Null(await store.GetAsync(idle.Id, Ct));
        Assert.Null(await store.GetAsync(old.Id, Ct));
        Assert.NotNull(await store.GetAsync(fresh.Id, Ct));
    }

    [Fact]
    public async Task End_RemovesTheProcess_AndRemembersWhoseItWas()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process(endpointSessionId: "s1", endpointId: "e1");
        await store.AddAsync(process, Ct);

        // Act
        var ended = await store.EndAsync(process.Id, Samples.T0.AddMinutes(1), Ct);
        var again = await store.EndAsync(process.Id, Samples.T0.AddMinutes(2), Ct);

        // Assert
        Assert.True(ended);
        Assert.False(again);
        Assert.Null(await store.GetAsync(process.Id, Ct));
        Assert.Equal(new EndedLogonProcess(process.Id, "s1", "e1", false, Samples.T0.AddMinutes(1)), await store.FindEndedAsync(process.Id, Ct));
    }

    [Fact]
    public async Task FindEnded_OfALiveOrUnknownProcess_IsNull()
    {
        // Arrange
        var store = CreateStore();
        var live = Samples.Process();
        await store.AddAsync(live, Ct);

        // Act
        var unknownEnded = await store.EndAsync("unknown", Samples.T0, Ct);

        // Assert
        Assert.False(unknownEnded);
        Assert.Null(await store.FindEndedAsync(live.Id, Ct));
        Assert.Null(await store.FindEndedAsync("unknown", Ct));
    }

    [Fact]
    public async Task Prune_EndsExpiredProcesses_AndForgetsEndedOnesAfterAProcessLifetime()
    {
        // Arrange
        var store = CreateStore();
        var t = Samples.T0;
        var idle = Samples.Process(at: t);
        var endedLongAgo = Samples.Process(at: t.AddMinutes(-40));
        var endedRecently = Samples.Process(at: t.AddMinutes(-40));
        foreach (var p in new[] { idle, endedLongAgo, endedRecently }) await store.AddAsync(p, Ct);
        await store.EndAsync(endedLongAgo.Id, t.AddMinutes(-21), Ct);
        await store.EndAsync(endedRecently.Id, t.AddMinutes(-19), Ct);

        // Act: now = t + 10 min, idle timeout 5 min, lifetime 30 min
        await store.PruneAsync(t.AddMinutes(5), t.AddMinutes(-20), Ct);

        // Assert
        Assert.Null(await store.GetAsync(idle.Id, Ct));
        Assert.Equal(new EndedLogonProcess(idle.Id, idle.EndpointSessionId, idle.EndpointId, false, t), await store.FindEndedAsync(idle.Id, Ct));
        Assert.Null(await store.FindEndedAsync(endedLongAgo.Id, Ct));
        Assert.NotNull(await store.FindEndedAsync(endedRecently.Id, Ct));
    }

    [Fact]
    public async Task RemoveBySessionOrEndpoint_ForgetsTheirEndedProcessesToo()
    {
        // Arrange
        var store = CreateStore();
        var a = Samples.Process(endpointSessionId: "s1", endpointId: "e1");
        var b = Samples.Process(endpointSessionId: "s2", endpointId: "e2");
        var c = Samples.Process(endpointSessionId: "s3", endpointId: "e3");
        foreach (var p in new[] { a, b, c })
        {
            await store.AddAsync(p, Ct);
            await store.EndAsync(p.Id, Samples.T0, Ct);
        }

        // Act
        await store.RemoveByEndpointSessionAsync("s1", Ct);
        await store.RemoveByEndpointAsync("e2", Ct);

        // Assert
        Assert.Null(await store.FindEndedAsync(a.Id, Ct));
        Assert.Null(await store.FindEndedAsync(b.Id, Ct));
        Assert.NotNull(await store.FindEndedAsync(c.Id, Ct));
    }

    [Fact]
    public async Task Count_FollowsAddsAndRemovals()
    {
        // Arrange
        var store = CreateStore();
        var empty = store.Count;
        var kept = Samples.Process();
        var removed = Samples.Process();
        await store.AddAsync(kept, Ct);
        await store.AddAsync(removed, Ct);
        var afterAdd = store.Count;

        // Act
        await store.RemoveAsync(removed.Id, Ct);

        // Assert
        Assert.Equal((0, 2, 1), (empty, afterAdd, store.Count));
    }

    [Fact]
    public async Task CountByEndpoint_FollowsAddAndEveryKindOfRemoval()
    {
        // Arrange
        var store = CreateStore();
        var t = Samples.T0;
        var a = Samples.Process(endpointSessionId: "s1", endpointId: "e1", at: t);
        var b = Samples.Process(endpointSessionId: "s2", endpointId: "e1", at: t.AddMinutes(9));
        var c = Samples.Process(endpointSessionId: "s2", endpointId: "e1", at: t.AddMinutes(9));
        var d = Samples.Process(endpointSessionId: "s3", endpointId: "e1", at: t.AddMinutes(9));
        var other = Samples.Process(endpointSessionId: "s4", endpointId: "e2", at: t.AddMinutes(9));
        foreach (var p in new[] { a, b, c, d, other })
        {
            await store.AddAsync(p, Ct);
        }
        var added = await store.CountByEndpointAsync("e1", Ct);

        // Act
        await store.PruneAsync(t.AddMinutes(5), t.AddMinutes(-20), Ct);
        var afterPrune = await store.CountByEndpointAsync("e1", Ct);
        await store.RemoveAsync(d.Id, Ct);
        await store.RemoveAsync(d.Id, Ct);
        var afterRemove = await store.CountByEndpointAsync("e1", Ct);
        await store.RemoveByEndpointSessionAsync("s2", Ct);
        var afterSession = await store.CountByEndpointAsync("e1", Ct);
        await store.RemoveByEndpointAsync("e2", Ct);

        // Assert
        Assert.Equal((4, 3, 2, 0), (added, afterPrune, afterRemove, afterSession));
        Assert.Equal(0, await store.CountByEndpointAsync("e2", Ct));
    }

    [Fact]
    public async Task CountByEndpoint_IsNotChangedByUpdates()
    {
        // Arrange
        var store = CreateStore();
        var process = Samples.Process(endpointId: "e1");
        await store.AddAsync(process, Ct);

        // Act
        await store.TryUpdateAsync(process with { MethodState = "x" }, 0, Ct);

        // Assert
        Assert.Equal(1, await store.CountByEndpointAsync("e1", Ct));
    }
}
