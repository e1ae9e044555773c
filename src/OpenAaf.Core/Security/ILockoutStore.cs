namespace OpenAaf.Core.Security;

/// <summary>
/// Per-user failure counters (api.md §5.10), shared by every endpoint, event and process, and the verification
/// attempts in flight. Every write is atomic in the store (a transaction, a lock), never in the caller, so that the
/// limit holds across processes, endpoint sessions and, with a shared database, nodes.
/// </summary>
public interface ILockoutStore
{
    /// <summary>The state at <paramref name="now"/>: a lock whose LockedUntil has passed is over and its counter is back at 0.</summary>
    Task<LockoutState> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically counts one failure at <paramref name="now"/>. When the count reaches
    /// <paramref name="threshold"/> the user is locked until <paramref name="lockedUntil"/>
    /// (null = until unlocked). A failure while locked changes nothing.
    /// </summary>
    Task<LockoutState> RecordFailureAsync(string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically reserves one verification for the user before it runs, so that no more than
    /// <paramref name="threshold"/> verifications can be under way or failed before the user is locked. First, the
    /// user's reservations that expired at or before <paramref name="now"/> are counted as failures (a verification that
    /// never reported back counts as a wrong guess), as <see cref="RecordFailureAsync"/> would. Then the reservation is
    /// refused (false) when the user is locked or failures plus live reservations already reach the threshold;
    /// otherwise it is kept under <paramref name="reservationId"/> until <paramref name="expiresAt"/>.
    /// </summary>
    Task<bool> TryReserveAsync(string userId, string reservationId, DateTimeOffset now, DateTimeOffset expiresAt, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a reservation with the verdict of its verification: it is removed and, when <paramref name="failed"/> or it
    /// had expired by <paramref name="now"/>, one failure is counted as <see cref="RecordFailureAsync"/> counts it, in the
    /// same transaction. A reservation that is gone (expired and counted already) changes nothing, so a verdict is never
    /// counted twice.
    /// </summary>
    Task<LockoutState> EndReservationAsync(string userId, string reservationId, bool failed, DateTimeOffset now, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Clears counter and lock; cheap when there is nothing to clear. Reservations in flight stay: a verification that is
    /// still running for someone else is counted when it ends.
    /// </summary>
    Task ResetAsync(string userId, CancellationToken cancellationToken);
}

/// <param name="LockedUntil">DateTimeOffset.MaxValue = locked until unlocked by an operator</param>
public sealed record LockoutState(int Failures, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset? LastFailAt)
{
    public static readonly LockoutState Clear = new(0, false, null, null);
}
