using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Security;

/// <summary>The lockout policy of api.md §5.10 over the durable counters of <see cref="ILockoutStore"/>.</summary>
public sealed class LockoutService(ILockoutStore store, IConfigurationSource configuration, TimeProvider time)
{
    public async Task<bool> IsLockedAsync(string userId, CancellationToken cancellationToken)
    {
        if (!configuration.Current.Policies.Lockout.IsEnabled) return false;
        var state = await store.GetAsync(userId, time.GetUtcNow(), cancellationToken);
        return IsLocked(state, time.GetUtcNow());
    }

    public async Task<LockoutState> GetAsync(string userId, CancellationToken cancellationToken) =>
        await store.GetAsync(userId, time.GetUtcNow(), cancellationToken);

    /// <summary>Counts a failure when its outcome is marked L in the catalogue and lockout is enabled.</summary>
    public async Task RecordAsync(string userId, Outcome failure, CancellationToken cancellationToken)
    {
        var policy = configuration.Current.Policies.Lockout;
        if (!policy.IsEnabled || !failure.CountsForLockout) return;
        var now = time.GetUtcNow();
        DateTimeOffset? until = policy.LockoutPeriod > 0 ? now.AddSeconds(policy.LockoutPeriod) : DateTimeOffset.MaxValue;
        await store.RecordFailureAsync(userId, now, policy.FailedAttempts, until, cancellationToken);
    }

    public Task ResetAsync(string userId, CancellationToken cancellationToken) => store.ResetAsync(userId, cancellationToken);

    public static bool IsLocked(LockoutState state, DateTimeOffset now) =>
        state.Locked && (state.LockedUntil is null || state.LockedUntil > now);
}
