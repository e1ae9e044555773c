using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Security;

/// <summary>
/// The lockout policy of api.md §5.10 over the durable counters of <see cref="ILockoutStore"/>. Callers pass the policy of
/// their request's configuration snapshot, so one request applies one policy throughout.
/// </summary>
/// <remarks>
/// A verification runs only inside an attempt: <see cref="TryBeginAttemptAsync"/> reserves it in the store before the
/// method runs and <see cref="EndAttemptAsync"/> ends it with the verdict, so parallel guesses cannot outrun the counter.
/// </remarks>
public sealed class LockoutService(ILockoutStore store, TimeProvider time)
{
    /// <summary>
    /// How long a reserved attempt may run before it counts as a failure. Far longer than any verification (directory
    /// timeouts are seconds), so only attempts that never reported back (a crash) reach it.
    /// </summary>
    public static readonly TimeSpan AttemptLifetime = TimeSpan.FromMinutes(2);

    public async Task<bool> IsLockedAsync(string userId, LockoutOptions policy, CancellationToken cancellationToken)
    {
        if (!policy.IsEnabled) return false;
        var now = time.GetUtcNow();
        return IsLocked(await store.GetAsync(userId, now, cancellationToken), now);
    }

    public async Task<LockoutState> GetAsync(string userId, CancellationToken cancellationToken) =>
        await store.GetAsync(userId, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Reserves one verification; null when the user is locked, or when the failures and the verifications under way
    /// already reach <c>failed_attempts</c>: then nothing may be verified (USER_LOCKED).
    /// </summary>
    public async Task<LockoutAttempt?> TryBeginAttemptAsync(string userId, LockoutOptions policy, CancellationToken cancellationToken)
    {
        if (!policy.IsEnabled) return LockoutAttempt.Uncounted(userId);
        var now = time.GetUtcNow();
        var attempt = new LockoutAttempt(userId, RandomIds.NewToken(), policy);
        return await store.TryReserveAsync(userId, attempt.ReservationId!, now, now + AttemptLifetime, policy.FailedAttempts,
            LockedUntil(policy, now), cancellationToken)
            ? attempt
            : null;
    }

    /// <summary>
    /// Ends an attempt with its verdict: <paramref name="failure"/> null for a pass or a step that needs more input, else
    /// the failure, counted when it is marked L in the catalogue.
    /// </summary>
    public Task EndAttemptAsync(LockoutAttempt attempt, Outcome? failure, CancellationToken cancellationToken) =>
        EndAsync(attempt, failure?.CountsForLockout == true, cancellationToken);

    /// <summary>An attempt that ended without a verdict (the caller went away mid-verification) counts as a failure: fail-safe.</summary>
    public Task AbandonAttemptAsync(LockoutAttempt attempt, CancellationToken cancellationToken) => EndAsync(attempt, true, cancellationToken);

    public Task ResetAsync(string userId, CancellationToken cancellationToken) => store.ResetAsync(userId, cancellationToken);

    public static bool IsLocked(LockoutState state, DateTimeOffset now) =>
        state.Locked && (state.LockedUntil is null || state.LockedUntil > now);

    private async Task EndAsync(LockoutAttempt attempt, bool failed, CancellationToken cancellationToken)
    {
        if (attempt.ReservationId is not { } reservation) return;
        var now = time.GetUtcNow();
        await store.EndReservationAsync(attempt.UserId, reservation, failed, now, attempt.Policy.FailedAttempts,
            LockedUntil(attempt.Policy, now), cancellationToken);
    }

    private static DateTimeOffset LockedUntil(LockoutOptions policy, DateTimeOffset now) =>
        policy.LockoutPeriod > 0 ? now.AddSeconds(policy.LockoutPeriod) : DateTimeOffset.MaxValue;
}
