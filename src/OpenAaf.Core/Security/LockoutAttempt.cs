using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Security;

/// <summary>
/// One verification that <see cref="LockoutService"/> let run: the reservation it holds in the lockout store (none when
/// the attempt cannot count: lockout disabled, or a template test that does not lock) and the policy of the request that
/// reserved it, which also decides how its failure is counted.
/// </summary>
public sealed record LockoutAttempt(string UserId, string? ReservationId, LockoutOptions Policy)
{
    /// <summary>An attempt that counts nothing whatever its verdict.</summary>
    public static LockoutAttempt Uncounted(string userId) => new(userId, null, new LockoutOptions { IsEnabled = false });
}
