using OpenAaf.Core.Security;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Failure counters (api.md §5.10). A row exists only while there is something to count: reset deletes it,
/// and the common reset of a clean user (every OK logon) is a read that finds nothing, not a write.
/// </summary>
internal sealed class SqliteLockoutStore(SqliteDatabase database) : ILockoutStore
{
    public Task<LockoutState> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync((userId, now), static (link, s) => LockoutRules.AtTime(Read(link, s.userId), s.now), cancellationToken).AsTask();

    public Task<LockoutState> RecordFailureAsync(string userId, DateTimeOffset now, int threshold, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync((userId, now, threshold, lockedUntil), static (link, s) =>
        {
            link.Begin();
            var stored = Read(link, s.userId);
            var next = LockoutRules.AfterFailure(stored, s.now, s.threshold, s.lockedUntil);
            if (next is null)
            {
                link.Commit();
                return stored;
            }
            link.Command(
                    "INSERT INTO lockout (user_id, failures, locked_until, last_fail_at) VALUES ($user, $failures, $until, $last) " +
                    "ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, " +
                    "last_fail_at = excluded.last_fail_at")
                .With("$user", s.userId).With("$failures", next.Failures)
                .With("$until", SqliteTime.ToDb(next.LockedUntil)).With("$last", SqliteTime.ToDb(next.LastFailAt))
                .ExecuteNonQuery();
            link.Commit();
            return next;
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
