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

    // Reservations: a verification is reserved before it runs and ended with its verdict (api.md §5.10).

    private static readonly DateTimeOffset Expiry = T0.AddMinutes(2);

    private Task<bool> ReserveAsync(string id, DateTimeOffset? now = null, int threshold = 3) =>
        Stores.Lockout.TryReserveAsync(_user, id, now ?? T0, (now ?? T0).AddMinutes(2), threshold, T0.AddMinutes(5), Ct);

    private Task<LockoutState> EndAsync(string id, bool failed, DateTimeOffset? now = null, int threshold = 3) =>
        Stores.Lockout.EndReservationAsync(_user, id, failed, now ?? T0.AddSeconds(1), threshold, T0.AddMinutes(5), Ct);

    [Fact]
    public async Task TryReserve_UpToTheThreshold_ThenRefuses()
    {
        // Act
        var granted = new[] { await ReserveAsync("a"), await ReserveAsync("b"), await ReserveAsync("c") };
        var fourth = await ReserveAsync("d");

        // Assert: reserving counts nothing by itself.
        Assert.All(granted, Assert.True);
        Assert.False(fourth);
        Assert.Equal(LockoutState.Clear, await Stores.Lockout.GetAsync(_user, T0, Ct));
    }

    [Fact]
    public async Task TryReserve_CountsFailuresAndReservationsTogether_AndRefusesALockedUser()
    {
        // Arrange
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, T0.AddMinutes(5), Ct);
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, T0.AddMinutes(5), Ct);
        var other = RandomIds.NewHexId();
        await Stores.Lockout.RecordFailureAsync(other, T0, 1, T0.AddMinutes(5), Ct);

        // Act
        var last = await ReserveAsync("a");
        var beyond = await ReserveAsync("b");
        var locked = await Stores.Lockout.TryReserveAsync(other, "c", T0, Expiry, 1, T0.AddMinutes(5), Ct);

        // Assert
        Assert.True(last);
        Assert.False(beyond);
        Assert.False(locked);
    }

    [Fact]
    public async Task EndReservation_FailedCountsIt_ReleasedCountsNothing_EitherFreesItsPlace()
    {
        // Arrange
        await ReserveAsync("a");
        await ReserveAsync("b");
        await ReserveAsync("c");

        // Act
        var afterFailure = await EndAsync("a", failed: true);
        var whileTwoRunAndOneFailed = await ReserveAsync("d");
        var afterRelease = await EndAsync("b", failed: false);
        var placeFreed = await ReserveAsync("e");

        // Assert
        Assert.Equal(new LockoutState(1, false, null, T0.AddSeconds(1)), afterFailure);
        Assert.False(whileTwoRunAndOneFailed);
        Assert.Equal(afterFailure, afterRelease);
        Assert.True(placeFreed);
    }

    [Fact]
    public async Task EndReservation_FailuresReachingTheThreshold_Lock()
    {
        // Arrange
        foreach (var id in new[] { "a", "b", "c" }) await ReserveAsync(id);

        // Act
        await EndAsync("a", failed: true);
        await EndAsync("b", failed: true);
        var third = await EndAsync("c", failed: true);

        // Assert
        Assert.Equal(new LockoutState(3, true, T0.AddMinutes(5), T0.AddSeconds(1)), third);
        Assert.False(await ReserveAsync("d", T0.AddMinutes(1)));
    }

    [Fact]
    public async Task ExpiredReservation_CountsAsAFailure_AtTheNextReservation()
    {
        // Arrange: a verification that never reported back (a crash).
        await ReserveAsync("lost");

        // Act
        var later = await ReserveAsync("next", Expiry);

        // Assert
        Assert.True(later);
        Assert.Equal(new LockoutState(1, false, null, Expiry), await Stores.Lockout.GetAsync(_user, Expiry, Ct));
    }

    [Fact]
    public async Task EndReservation_OfOneCountedAsExpired_DoesNotCountAgain()
    {
        // Arrange
        await ReserveAsync("slow");
        await ReserveAsync("next", Expiry);

        // Act
        var ended = await EndAsync("slow", failed: true, Expiry.AddSeconds(1));

        // Assert
        Assert.Equal(1, ended.Failures);
        Assert.Equal(1, (await Stores.Lockout.GetAsync(_user, Expiry.AddSeconds(1), Ct)).Failures);
    }

    [Fact]
    public async Task EndReservation_ExpiredButNotYetCounted_CountsWhateverTheVerdict()
    {
        // Arrange
        await ReserveAsync("slow");

        // Act
        var ended = await EndAsync("slow", failed: false, Expiry);

        // Assert
        Assert.Equal(1, ended.Failures);
    }

    [Fact]
    public async Task EndReservation_Unknown_ChangesNothing()
    {
        // Act
        var ended = await EndAsync("never", failed: true);

        // Assert
        Assert.Equal(LockoutState.Clear, ended);
        Assert.Equal(LockoutState.Clear, await Stores.Lockout.GetAsync(_user, T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task Reset_KeepsTheReservationsOfOtherVerifications()
    {
        // Arrange
        await ReserveAsync("a");
        await ReserveAsync("b");
        await Stores.Lockout.RecordFailureAsync(_user, T0, 3, T0.AddMinutes(5), Ct);

        // Act
        await Stores.Lockout.ResetAsync(_user, Ct);
        var one = await ReserveAsync("c");
        var two = await ReserveAsync("d");
        var ended = await EndAsync("a", failed: true);

        // Assert
        Assert.True(one);
        Assert.False(two);
        Assert.Equal(1, ended.Failures);
    }

    [Fact]
    public async Task Reservation_SurvivesARestart_AndCountsOnceExpired()
    {
        // Arrange
        await ReserveAsync("in flight during the crash");

        // Act
        await Stores.ReopenAsync(Ct);
        var afterRestart = await ReserveAsync("next", Expiry);

        // Assert
        Assert.True(afterRestart);
        Assert.Equal(1, (await Stores.Lockout.GetAsync(_user, Expiry, Ct)).Failures);
    }

    [Fact]
    public async Task TryReserve_Parallel_GrantsExactlyTheThreshold()
    {
        for (var round = 0; round < 10; round++)
        {
            // Arrange
            var user = RandomIds.NewHexId();

            // Act
            var granted = await Concurrently.RunAsync(50, i =>
                Stores.Lockout.TryReserveAsync(user, $"r{i}", T0, Expiry, 3, T0.AddMinutes(5), Ct));

            // Assert
            Assert.Equal(3, granted.Count(g => g));
        }
    }

    [Fact]
    public async Task ReserveThenFail_Parallel_RunsExactlyTheThresholdAndLocksOnce()
    {
        // Act: forty guesses at once, each verified only if its reservation is granted, each wrong.
        var verified = await Concurrently.RunAsync(40, async i =>
        {
            if (!await Stores.Lockout.TryReserveAsync(_user, $"r{i}", T0, Expiry, 10, T0.AddMinutes(5), Ct)) return false;
            await Stores.Lockout.EndReservationAsync(_user, $"r{i}", true, T0.AddSeconds(1), 10, T0.AddMinutes(5), Ct);
            return true;
        });

        // Assert
        Assert.Equal(10, verified.Count(v => v));
        Assert.Equal(new LockoutState(10, true, T0.AddMinutes(5), T0.AddSeconds(1)), await Stores.Lockout.GetAsync(_user, T0.AddSeconds(2), Ct));
    }
}
