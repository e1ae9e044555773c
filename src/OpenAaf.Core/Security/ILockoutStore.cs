namespace OpenAaf.Core.Security;

/// <summary>Per-user failure counters (api.md §5.10), shared by every endpoint, event and process.</summary>
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

    /// <summary>Clears counter and lock; cheap when there is nothing to clear.</summary>
    Task ResetAsync(string userId, CancellationToken cancellationToken);
}

/// <param name="LockedUntil">DateTimeOffset.MaxValue = locked until unlocked by an operator</param>
public sealed record LockoutState(int Failures, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset? LastFailAt)
{
    public static readonly LockoutState Clear = new(0, false, null, null);
}
