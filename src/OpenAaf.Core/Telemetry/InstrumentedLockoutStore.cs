using OpenAaf.Core.Security;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// Counts what the lockout store decides: every failure it counts (<c>openaaf.lockout.failures</c>) and
/// every failure that locks the user (<c>openaaf.lockout.locks</c>). A failure while already locked changes
/// nothing in the store and is not counted.
/// </summary>
public sealed class InstrumentedLockoutStore(ILockoutStore inner, OpenAafMetrics metrics) : ILockoutStore
{
    public Task<LockoutState> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.GetAsync(userId, now, cancellationToken);

    public async Task<LockoutState> RecordFailureAsync(
        string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        var state = await inner.RecordFailureAsync(userId, now, threshold, lockedUntil, cancellationToken).ConfigureAwait(false);
        return Counted(state, now);
    }

    public Task<bool> TryReserveAsync(string userId, string reservationId, DateTimeOffset now, DateTimeOffset expiresAt, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        inner.TryReserveAsync(userId, reservationId, now, expiresAt, threshold, lockedUntil, cancellationToken);

    /// <summary>Logons end their lockout attempt here: a failed verdict is where failures and locks are counted.</summary>
    public async Task<LockoutState> EndReservationAsync(string userId, string reservationId, bool failed, DateTimeOffset now, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        var state = await inner.EndReservationAsync(userId, reservationId, failed, now, threshold, lockedUntil, cancellationToken)
            .ConfigureAwait(false);
        return Counted(state, now);
    }

    // The store answers a failure it did not count (the user was locked already, the reservation was gone) with the
    // stored state, whose last failure is an earlier one; a counted failure is stamped with this call's time.
    private LockoutState Counted(LockoutState state, DateTimeOffset now)
    {
        if (state.LastFailAt != now) return state;
        metrics.LockoutFailureCounted();
        if (state.Locked) metrics.UserLocked();
        return state;
    }

    public Task ResetAsync(string userId, CancellationToken cancellationToken) => inner.ResetAsync(userId, cancellationToken);
}
