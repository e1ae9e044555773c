using OpenAaf.Core.Security;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Failure counters (api.md §5.10) and the verifications under way. A counter row exists only while there is something
/// to count: reset deletes it, and the common reset of a clean user (every OK logon) is a read that finds nothing, not
/// a write. Every read-then-write runs in one IMMEDIATE transaction, so it is atomic across processes on the same file.
/// </summary>
internal sealed class SqliteLockoutStore(SqliteDatabase database) : ILockoutStore
{
    public Task<LockoutState> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync((userId, now), static (link, s) => LockoutRules.AtTime(Read(link, s.userId), s.now), cancellationToken).AsTask();

    public Task<LockoutState> RecordFailureAsync(string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync((userId, now, threshold, lockedUntil), static (link, s) =>
        {
            link.Begin();
            var state = CountFailures(link, s.userId, Read(link, s.userId), 1 + TakeExpired(link, s.userId, s.now), s.now, s.threshold, s.lockedUntil);
            link.Commit();
            return state;
        }, cancellationToken).AsTask();

    public Task<bool> TryReserveAsync(string userId, string reservationId, DateTimeOffset now, DateTimeOffset expiresAt, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync((userId, reservationId, now, expiresAt, threshold, lockedUntil), static (link, s) =>
        {
            link.Begin();
            var state = CountFailures(link, s.userId, Read(link, s.userId), TakeExpired(link, s.userId, s.now), s.now, s.threshold, s.lockedUntil);
            var live = Convert.ToInt32(link.Command("SELECT COUNT(*) FROM lockout_reservation WHERE user_id = $user")
                .With("$user", s.userId).ExecuteScalar());
            var reserved = LockoutRules.MayReserve(state, live, s.now, s.threshold);
            if (reserved)
            {
                link.Command("INSERT INTO lockout_reservation (user_id, reservation_id, expires_at) VALUES ($user, $id, $expires)")
                    .With("$user", s.userId).With("$id", s.reservationId).With("$expires", SqliteTime.ToDb(s.expiresAt))
                    .ExecuteNonQuery();
            }
            link.Commit();
            return reserved;
        }, cancellationToken).AsTask();

    public Task<LockoutState> EndReservationAsync(string userId, string reservationId, bool failed, DateTimeOffset now, int threshold,
        DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync((userId, reservationId, failed, now, threshold, lockedUntil), static (link, s) =>
        {
            link.Begin();
            var stored = Read(link, s.userId);
            var expires = link.Command("DELETE FROM lockout_reservation WHERE user_id = $user AND reservation_id = $id RETURNING expires_at")
                .With("$user", s.userId).With("$id", s.reservationId).ExecuteScalar();
            // Gone: it expired and was counted already. Expired but still here: it counts now, whatever the verdict.
            var counts = expires is long micros && (s.failed || SqliteTime.FromMicros(micros) <= s.now);
            var state = CountFailures(link, s.userId, stored, counts ? 1 : 0, s.now, s.threshold, s.lockedUntil);
            link.Commit();
            return state;
        }, cancellationToken).AsTask();

    public async Task ResetAsync(string userId, CancellationToken cancellationToken)
    {
        var exists = await database.ReadAsync(userId, static (link, userId) =>
            link.Command("SELECT 1 FROM lockout WHERE user_id = $user").With("$user", userId).ExecuteScalar() is not null,
            cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            await database.WriteAsync(userId, static (link, userId) =>
                link.Command("DELETE FROM lockout WHERE user_id = $user").With("$user", userId).ExecuteNonQuery(),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the user's reservations that expired by <paramref name="now"/>; returns how many, to be counted as failures.</summary>
    private static int TakeExpired(SqliteLink link, string userId, DateTimeOffset now) =>
        link.Command("DELETE FROM lockout_reservation WHERE user_id = $user AND expires_at <= $now")
            .With("$user", userId).With("$now", SqliteTime.ToDb(now)).ExecuteNonQuery();

    /// <summary>Counts <paramref name="count"/> failures on <paramref name="stored"/> and writes the result; returns the state now.</summary>
    private static LockoutState CountFailures(SqliteLink link, string userId, LockoutState stored, int count, DateTimeOffset now, int threshold,
        DateTimeOffset? lockedUntil)
    {
        if (LockoutRules.AfterFailures(stored, count, now, threshold, lockedUntil) is not { } next)
        {
            return count == 0 ? LockoutRules.AtTime(stored, now) : stored;
        }
        link.Command(
                "INSERT INTO lockout (user_id, failures, locked_until, last_fail_at) VALUES ($user, $failures, $until, $last) " +
                "ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, " +
                "last_fail_at = excluded.last_fail_at")
            .With("$user", userId).With("$failures", next.Failures)
            .With("$until", SqliteTime.ToDb(next.LockedUntil)).With("$last", SqliteTime.ToDb(next.LastFailAt))
            .ExecuteNonQuery();
        return next;
    }

    private static LockoutState Read(SqliteLink link, string userId)
    {
        using var reader = link.Command("SELECT failures, locked_until, last_fail_at FROM lockout WHERE user_id = $user")
            .With("$user", userId).ExecuteReader();
        if (!reader.Read())
        {
            return LockoutState.Clear;
        }
        var until = reader.GetNullableInt64(1);
        var last = reader.GetNullableInt64(2);
        return new LockoutState(
            (int)reader.GetInt64(0),
            until is not null,
            until is { } u ? SqliteTime.FromMicros(u) : null,
            last is { } l ? SqliteTime.FromMicros(l) : null);
    }
}
