using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class LoginSessionStoreContract
{
    private static readonly DateTimeOffset T0 = Samples.T0;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ILoginSessionStore CreateStore();

    [Fact]
    public async Task Touch_Active_MovesLastUsedForwardOnly()
    {
        // Arrange
        var store = CreateStore();
        var session = Samples.LoginSession();
        await store.AddAsync(session, Ct);

        // Act
        await store.TouchAsync(session.Id, T0.AddMinutes(2), Ct);
        await store.TouchAsync(session.Id, T0.AddMinutes(1), Ct);
        await store.TouchAsync("unknown", T0, Ct);

        // Assert
        Assert.Equal(session with { LastUsed = T0.AddMinutes(2) }, await store.GetAsync(session.Id, Ct));
    }

    [Fact]
    public async Task End_KnownSession_LeavesTombstone()
    {
        // Arrange
        var store = CreateStore();
        var session = Samples.LoginSession();
        await store.AddAsync(session, Ct);

        // Act
        var ended = await store.EndAsync(session.Id, T0.AddMinutes(1), Ct);
        var endedAgain = await store.EndAsync(session.Id, T0.AddMinutes(2), Ct);
        await store.TouchAsync(session.Id, T0.AddMinutes(3), Ct);

        // Assert
        Assert.True(ended);
        Assert.True(endedAgain);
        Assert.Equal(session with { EndedAt = T0.AddMinutes(1) }, await store.GetAsync(session.Id, Ct));
    }

    [Fact]
    public async Task End_Unknown_ReturnsFalse()
    {
        Assert.False(await CreateStore().EndAsync("unknown", T0, Ct));
    }

    [Fact]
    public async Task EndByEndpoint_EndsOnlyThatEndpointsSessions()
    {
        // Arrange
        var store = CreateStore();
        var mine = Samples.LoginSession("e1");
        var other = Samples.LoginSession("e2");
        await store.AddAsync(mine, Ct);
        await store.AddAsync(other, Ct);

        // Act
        await store.EndByEndpointAsync("e1", T0.AddMinutes(1), Ct);

        // Assert
        Assert.Equal(T0.AddMinutes(1), (await store.GetAsync(mine.Id, Ct))!.EndedAt);
        Assert.Null((await store.GetAsync(other.Id, Ct))!.EndedAt);
    }

    [Fact]
    public async Task Expire_IdleOrTooOld_BecomeTombstonesAtNow()
    {
        // Arrange
        var store = CreateStore();
        var now = T0.AddHours(9);
        var idle = Samples.LoginSession(created: T0.AddHours(8), lastUsed: T0.AddHours(8));
        var old = Samples.LoginSession(created: T0, lastUsed: now);
        var fresh = Samples.LoginSession(created: T0.AddHours(8), lastUsed: now.AddMinutes(-1));
        foreach (var s in new[] { idle, old, fresh })
        {
            await store.AddAsync(s, Ct);
        }

        // Act: idle timeout 15 min, lifetime 8 h
        await store.ExpireAsync(now.AddMinutes(-15), now.AddHours(-8), now, Ct);

        // Assert
        Assert.Equal(now, (await store.GetAsync(idle.Id, Ct))!.EndedAt);
        Assert.Equal(now, (await store.GetAsync(old.Id, Ct))!.EndedAt);
        Assert.Null((await store.GetAsync(fresh.Id, Ct))!.EndedAt);
    }

    [Fact]
    public async Task Prune_RemovesOnlyTombstonesEndedBefore()
    {
        // Arrange
        var store = CreateStore();
        var oldTombstone = Samples.LoginSession();
        var recentTombstone = Samples.LoginSession();
        var active = Samples.LoginSession(lastUsed: T0.AddDays(-3));
        foreach (var s in new[] { oldTombstone, recentTombstone, active })
        {
            await store.AddAsync(s, Ct);
        }
        await store.EndAsync(oldTombstone.Id, T0.AddHours(-25), Ct);
        await store.EndAsync(recentTombstone.Id, T0.AddHours(-23), Ct);

        // Act
        await store.PruneAsync(T0.AddHours(-24), Ct);

        // Assert
        Assert.Null(await store.GetAsync(oldTombstone.Id, Ct));
        Assert.NotNull(await store.GetAsync(recentTombstone.Id, Ct));
        Assert.NotNull(await store.GetAsync(active.Id, Ct));
    }

    [Fact]
    public async Task ActiveCount_CountsSessionsUntilTheyEnd_NotTombstones()
    {
        // Arrange
        var store = CreateStore();
        var first = Samples.LoginSession("ep1");
        var second = Samples.LoginSession("ep2", created: T0, lastUsed: T0);
        var third = Samples.LoginSession("ep3", created: T0.AddHours(1), lastUsed: T0.AddHours(1));
        await store.AddAsync(first, Ct);
        await store.AddAsync(second, Ct);
        await store.AddAsync(third, Ct);
        var afterAdd = store.ActiveCount;

        // Act
        await store.EndAsync(first.Id, T0.AddMinutes(1), Ct);
        await store.EndAsync(first.Id, T0.AddMinutes(2), Ct);
        await store.EndByEndpointAsync("ep2", T0.AddMinutes(3), Ct);
        var afterEnds = store.ActiveCount;
        await store.PruneAsync(T0.AddDays(1), Ct);
        var afterPrune = store.ActiveCount;

        // Assert
        Assert.Equal((3, 1, 1), (afterAdd, afterEnds, afterPrune));
    }
}
