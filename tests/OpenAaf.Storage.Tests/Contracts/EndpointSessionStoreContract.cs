using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class EndpointSessionStoreContract
{
    private static readonly DateTimeOffset T0 = Samples.T0;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IEndpointSessionStore CreateStore();

    [Fact]
    public async Task AddTouchGet_ReturnsSessionWithLatestUse()
    {
        // Arrange
        var store = CreateStore();
        var session = Samples.EndpointSession() with { SessionData = """{"a":1}""" };
        await store.AddAsync(session, Ct);

        // Act
        await store.TouchAsync(session.Id, T0.AddMinutes(3), Ct);
        await store.TouchAsync(session.Id, T0.AddMinutes(2), Ct);

        // Assert
        Assert.Equal(session with { LastUsed = T0.AddMinutes(3) }, await store.GetAsync(session.Id, Ct));
        Assert.Null(await store.GetAsync("unknown", Ct));
    }

    [Fact]
    public async Task Add_DuplicateId_Throws()
    {
        // Arrange
        var store = CreateStore();
        var session = Samples.EndpointSession();
        await store.AddAsync(session, Ct);

        // Act
        var error = await Record.ExceptionAsync(() => store.AddAsync(session, Ct));

        // Assert
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public async Task Remove_ByIdAndEndpoint_RemovesOnlyThose()
    {
        // Arrange
        var store = CreateStore();
        var a = Samples.EndpointSession("e1");
        var b = Samples.EndpointSession("e1");
        var c = Samples.EndpointSession("e2");
        foreach (var s in new[] { a, b, c })
        {
            await store.AddAsync(s, Ct);
        }

        // Act
        var removed = await store.RemoveAsync(a.Id, Ct);
        var again = await store.RemoveAsync(a.Id, Ct);
        await store.RemoveByEndpointAsync("e1", Ct);

        // Assert
        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await store.GetAsync(b.Id, Ct));
        Assert.NotNull(await store.GetAsync(c.Id, Ct));
    }

    [Fact]
    public async Task Prune_RemovesIdleAndTooOldOnly()
    {
        // Arrange
        var store = CreateStore();
        var idle = Samples.EndpointSession(created: T0, lastUsed: T0);
        var old = Samples.EndpointSession(created: T0.AddDays(-2), lastUsed: T0.AddHours(2));
        var fresh = Samples.EndpointSession(created: T0, lastUsed: T0.AddHours(2));
        foreach (var s in new[] { idle, old, fresh })
        {
            await store.AddAsync(s, Ct);
        }

        // Act: idle timeout 1 h, lifetime 24 h, now = T0 + 2.5 h
        await store.PruneAsync(T0.AddHours(1.5), T0.AddHours(-21.5), Ct);

        // Assert
        Assert.Null(await store.GetAsync(idle.Id, Ct));
        Assert.Null(await store.GetAsync(old.Id, Ct));
        Assert.NotNull(await store.GetAsync(fresh.Id, Ct));
    }

    [Fact]
    public async Task Count_FollowsAddsAndRemovals()
    {
        // Arrange
        var store = CreateStore();
        var empty = store.Count;
        var kept = Samples.EndpointSession("ep1");
        var removed = Samples.EndpointSession("ep2");
        await store.AddAsync(kept, Ct);
        await store.AddAsync(removed, Ct);
        var afterAdd = store.Count;

        // Act
        await store.RemoveAsync(removed.Id, Ct);

        // Assert
        Assert.Equal((0, 2, 1), (empty, afterAdd, store.Count));
    }

    [Fact]
    public async Task CountByEndpoint_FollowsAddRemoveAndPrune()
    {
        // Arrange
        var store = CreateStore();
        var a = Samples.EndpointSession("e1", created: T0, lastUsed: T0);
        var b = Samples.EndpointSession("e1", created: T0, lastUsed: T0.AddHours(2));
        var c = Samples.EndpointSession("e1", created: T0, lastUsed: T0.AddHours(2));
        var other = Samples.EndpointSession("e2", created: T0, lastUsed: T0.AddHours(2));
        foreach (var s in new[] { a, b, c, other })
        {
            await store.AddAsync(s, Ct);
        }
        var added = await store.CountByEndpointAsync("e1", Ct);

        // Act
        await store.RemoveAsync(b.Id, Ct);
        await store.RemoveAsync(b.Id, Ct);
        var afterRemove = await store.CountByEndpointAsync("e1", Ct);
        await store.PruneAsync(T0.AddHours(1), T0.AddDays(-1), Ct);
        var afterPrune = await store.CountByEndpointAsync("e1", Ct);
        await store.RemoveByEndpointAsync("e1", Ct);

        // Assert
        Assert.Equal((3, 2, 1), (added, afterRemove, afterPrune));
        Assert.Equal(0, await store.CountByEndpointAsync("e1", Ct));
        Assert.Equal(1, await store.CountByEndpointAsync("e2", Ct));
        Assert.Equal(0, await store.CountByEndpointAsync("unknown", Ct));
    }

    [Fact]
    public async Task LeastRecentlyUsed_IsTheSessionOfThatEndpointIdleLongest()
    {
        // Arrange
        var store = CreateStore();
        var oldest = Samples.EndpointSession("e1", created: T0, lastUsed: T0);
        var newer = Samples.EndpointSession("e1", created: T0.AddMinutes(-5), lastUsed: T0.AddMinutes(1));
        var otherEndpoint = Samples.EndpointSession("e2", created: T0.AddMinutes(-9), lastUsed: T0.AddMinutes(-9));
        foreach (var s in new[] { newer, oldest, otherEndpoint })
        {
            await store.AddAsync(s, Ct);
        }

        // Act
        await store.TouchAsync(oldest.Id, T0.AddMinutes(2), Ct);
        var found = await store.LeastRecentlyUsedAsync("e1", Ct);

        // Assert
        Assert.Equal(newer.Id, found?.Id);
        Assert.Null(await store.LeastRecentlyUsedAsync("unknown", Ct));
    }

    [Fact]
    public async Task CountByEndpoint_ParallelAddsAndRemoves_StaysExact()
    {
        // Arrange
        var store = CreateStore();
        var sessions = Enumerable.Range(0, 64).Select(_ => Samples.EndpointSession("e1")).ToArray();

        // Act
        await Concurrently.RunAsync(64, async i =>
        {
            await store.AddAsync(sessions[i], Ct);
            return i % 2 == 0 && await store.RemoveAsync(sessions[i].Id, Ct);
        });

        // Assert
        Assert.Equal(32, await store.CountByEndpointAsync("e1", Ct));
    }
}
