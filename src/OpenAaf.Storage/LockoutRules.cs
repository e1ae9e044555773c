using OpenAaf.Core.Security;

namespace OpenAaf.Storage;

/// <summary>
/// The lockout arithmetic of api.md §5.10, shared by every provider so that they only differ in how they make
/// read-compute-write atomic. A lock is over once <c>now &gt;= LockedUntil</c>; its counter then restarts at 0.
/// </summary>
internal static class LockoutRules
{
    public static LockoutState AtTime(LockoutState stored, DateTimeOffset now) =>
        stored.Locked && stored.LockedUntil is { } until && until <= now
            ? stored with { Failures = 0, Locked = false, LockedUntil = null }
            : stored;

    /// <summary>The state after one failure at <paramref name="now"/>; null when the user is locked (nothing changes).</summary>
    public static LockoutState? AfterFailure(LockoutState stored, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil)
    {
        var current = AtTime(stored, now);
        if (current.Locked)
        {
            return null;
        }
        var failures = current.Failures + 1;
        return failures >= threshold
            ? new LockoutState(failures, true, lockedUntil ?? DateTimeOffset.MaxValue, now)
            : new LockoutState(failures, false, null, now);
    }

    /// <summary>The state after <paramref name="count"/> failures at <paramref name="now"/>; null when nothing changes.</summary>
    public static LockoutState? AfterFailures(LockoutState stored, int count, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil)
    {
        LockoutState? changed = null;
        for (var i = 0; i < count; i++)
        {
            if (AfterFailure(changed ?? stored, now, threshold, lockedUntil) is not { } next)
            {
                break;
            }
            changed = next;
        }
        return changed;
    }

    /// <summary>Whether one more verification may start: not locked, and failures plus those under way below the threshold.</summary>
    public static bool MayReserve(LockoutState stored, int liveReservations, DateTimeOffset now, int threshold)
    {
        var current = AtTime(stored, now);
        return !LockoutService.IsLocked(current, now) && current.Failures + liveReservations < threshold;
    }
}
