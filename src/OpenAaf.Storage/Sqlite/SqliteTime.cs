namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Times are stored as integer microseconds since the Unix epoch, UTC (api.md §1.6 has microsecond precision).
/// <see cref="DateTimeOffset.MaxValue"/> ("until unlocked") is stored as <see cref="long.MaxValue"/>.
/// </summary>
internal static class SqliteTime
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public static long ToMicros(DateTimeOffset value) =>
        value == DateTimeOffset.MaxValue ? long.MaxValue : Math.DivRem(value.UtcTicks - EpochTicks, 10, out var rest) - (rest < 0 ? 1 : 0);

    public static DateTimeOffset FromMicros(long micros) =>
        micros == long.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(EpochTicks + micros * 10, TimeSpan.Zero);

    public static object ToDb(DateTimeOffset? value) => value is { } v ? ToMicros(v) : DBNull.Value;
}
