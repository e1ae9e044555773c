using OpenAaf.Core.Security;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class LockoutStoreContract : DurableStoreContract
{
    private static readonly DateTimeOffset T0 = Samples.T0;
    private readonly string _user = RandomIds.NewHexId();

    [Fact]
    public async Task Get_UnknownUser_IsClear()
    {
        Assert.Equal(LockoutState.Clear, await Stores.Lockout.GetAsync(_user, T0, Ct));
    }

    [Fact]
    public async Task RecordFailure_BelowThreshold_CountsWithoutLocking()
    {
        // Act
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, T0.AddMinutes(5), Ct);
        var second = await Stores.Lockout.RecordFailureAsync(_user, T0.AddSeconds(1), 3, T0.AddSeconds(1).AddMinutes(5), Ct);

        // Assert
        Assert.Equal(new LockoutState(2, false, null, T0.AddSeconds(1)), second);
        Assert.Equal(second, await Stores.Lockout.GetAsync(_user, T0.AddSeconds(2), Ct));
    }

    [Fact]
    public async Task RecordFailure_ReachingThreshold_LocksUntilGivenTime()
    {
        // Arrange
        var until = T0.AddSeconds(2).AddMinutes(5);
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, null, Ct);
        await Stores.Lockout.RecordFailureAsync(_user, T0.AddSeconds(1), 3, null, Ct);

        // Act
        var third = await Stores.Lockout.RecordFailureAsync(_user, T0.AddSeconds(2), 3, until, Ct);

        // Assert
        Assert.Equal(new LockoutState(3, true, until, T0.AddSeconds(2)), third);
        Assert.Equal(third, await Stores.Lockout.GetAsync(_user, until.AddTicks(-10), Ct));
    }

    [Fact]
    public async Task RecordFailure_WhileLocked_ChangesNothing()
    {
        // Arrange
        var until = T0.AddMinutes(5);
        var locked = await Stores.Lockout.RecordFailureAsync(_user, T0, 1, until, Ct);

        // Act
        var later = await Stores.Lockout.RecordFailureAsync(_user, T0.AddMinutes(4), 1, T0.AddMinutes(9), Ct);

        // Assert
        Assert.Equal(locked, later);
        Assert.Equal(new LockoutState(1, true, until, T0), await Stores.Lockout.GetAsync(_user, T0.AddMinutes(4), Ct));
    }

    [Fact]
    public async Task Get_AfterLockedUntil_IsUnlockedWithCounterAtZero()
    {
        // Arrange
        var until = T0.AddMinutes(5);
        await Stores.Lockout.RecordFailureAsync(_user, T0, 1, until, Ct);

        // Act
        var atExpiry = await Stores.Lockout.GetAsync(_user, until, Ct);

        // Assert
        Assert.False(atExpiry.Locked);
        Assert.Equal(0, atExpiry.Failures);
        Assert.Null(atExpiry.LockedUntil);
    }

    [Fact]
    public async Task RecordFailure_AfterExpiredLock_CountsFromZero()
    {
        // Arrange
        await Stores.Lockout.RecordFailureAsync(_user, T0, 2, null, Ct);
        await Stores.Lockout.RecordFailureAsync(_user, T0, 2, T0.AddMinutes(5), Ct);

        // Act
        var next = await Stores.Lockout.RecordFailureAsync(_user, T0.AddMinutes(6), 2, T0.AddMinutes(11), Ct);

        // Assert
        Assert.Equal(new LockoutState(1, false, null, T0.AddMinutes(6)), next);
    }

    [Fact]
    public async Task RecordFailure_LockWithoutEnd_StaysLockedUntilReset()
    {
        // Arrange
        await Stores.Lockout.RecordFailureAsync(_user, T0, 1, null, Ct);

        // Act
        var muchLater = await Stores.Lockout.GetAsync(_user, T0.AddYears(50), Ct);
        await Stores.Lockout.ResetAsync(_user, Ct);
        var afterReset = await Stores.Lockout.GetAsync(_user, T0.AddYears(50), Ct);

        // Assert
        Assert.Equal(new LockoutState(1, true, DateTimeOffset.MaxValue, T0), muchLater);
        Assert.Equal(LockoutState.Clear, afterReset);
    }

    [Fact]
    public async Task Reset_ClearsCounterAndIsHarmlessForCleanUsers()
    {
        // Arrange
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, null, Ct);

        // Act
        await Stores.Lockout.ResetAsync(_user, Ct);
        await Stores.Lockout.ResetAsync(_user, Ct);
        await Stores.Lockout.ResetAsync(RandomIds.NewHexId(), Ct);

        // Assert
        Assert.Equal(LockoutState.Clear, await Stores.Lockout.GetAsync(_user, T0, Ct));
        Assert.Equal(1, (await Stores.Lockout.RecordFailureAsync(_user, T0, 3, null, Ct)).Failures);
    }

    [Fact]
    public async Task RecordFailure_ParallelBelowThreshold_CountsEveryFailure()
    {
        // Act
        var states = await Concurrently.RunAsync(50, i => Stores.Lockout.RecordFailureAsync(_user, T0.AddMilliseconds(i), 1000, null, Ct));

        // Assert
        Assert.Equal(Enumerable.Range(1, 50), states.Select(s => s.Failures).Order());
        Assert.Equal(50, (await Stores.Lockout.GetAsync(_user, T0.AddMinutes(1), Ct)).Failures);
    }

    [Fact]
    public async Task RecordFailure_ParallelPastThreshold_LocksOnceAtThresholdAndNeverExtends()
    {
        // Arrange
        var until = T0.AddMinutes(5);

        // Act
        var states = await Concurrently.RunAsync(40, i => Stores.Lockout.RecordFailureAsync(_user, T0, 10, until.AddSeconds(i), Ct));

        // Assert: counts 1..10 were each reported once, the 10th locked, the other 30 saw the lock unchanged.
        Assert.Equal(Enumerable.Range(1, 9), states.Where(s => !s.Locked).Select(s => s.Failures).Order());
        var locked = states.Where(s => s.Locked).ToArray();
        Assert.Equal(31, locked.Length);
        Assert.Single(locked.Select(s => s.LockedUntil).Distinct());
        Assert.All(locked, s => Assert.Equal(10, s.Failures));
        Assert.Equal(locked[0], await Stores.Lockout.GetAsync(_user, T0.AddMinutes(1), Ct));
    }
}
