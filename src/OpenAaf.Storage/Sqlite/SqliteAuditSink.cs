using OpenAaf.Core.Auditing;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Append-only audit table. One prepared INSERT per record on the writer connection, committed before
/// <see cref="WriteAsync"/> returns (an UPDATE trigger refuses changes to written rows).
/// </summary>
internal sealed class SqliteAuditSink(SqliteDatabase database) : IAuditSink
{
    private const string Columns =
        "time, action, endpoint_id, event_name, chain_name, method_id, user_id, user_name, logon_process_id, result, msg_id, reason";

    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken) =>
        database.WriteAsync(record, static (link, r) =>
            link.Command(
                    $"INSERT INTO audit ({Columns}) VALUES ($time, $action, $endpoint, $event, $chain, $method, $user, $name, $process, $result, $msgid, $reason)")
                .With("$time", SqliteTime.ToMicros(r.Time)).With("$action", r.Action).With("$endpoint", r.EndpointId)
                .With("$event", r.EventName).With("$chain", r.ChainName).With("$method", r.MethodId).With("$user", r.UserId)
                .With("$name", r.UserName).With("$process", r.LogonProcessId).With("$result", r.Result)
                .With("$msgid", r.MsgId).With("$reason", r.Reason)
                .ExecuteNonQuery(), cancellationToken).AsTask();

    /// <summary>Records after <paramref name="afterId"/> in the order written, with their row ids.</summary>
    internal Task<IReadOnlyList<(long Id, AuditRecord Record)>> ReadAsync(long afterId, int max, CancellationToken cancellationToken) =>
        database.ReadAsync((afterId, max), static (link, s) =>
        {
            using var reader = link.Command($"SELECT id, {Columns} FROM audit WHERE id > $after ORDER BY id LIMIT $max")
                .With("$after", s.afterId).With("$max", s.max).ExecuteReader();
            var records = new List<(long, AuditRecord)>();
            while (reader.Read())
            {
                records.Add((reader.GetInt64(0), new AuditRecord
                {
                    Time = SqliteTime.FromMicros(reader.GetInt64(1)),
                    Action = reader.GetString(2),
                    EndpointId = reader.GetNullableString(3),
                    EventName = reader.GetNullableString(4),
                    ChainName = reader.GetNullableString(5),
                    MethodId = reader.GetNullableString(6),
                    UserId = reader.GetNullableString(7),
                    UserName = reader.GetNullableString(8),
                    LogonProcessId = reader.GetNullableString(9),
                    Result = reader.GetString(10),
                    MsgId = reader.GetNullableString(11),
                    Reason = reader.GetNullableString(12),
                }));
            }
            return (IReadOnlyList<(long, AuditRecord)>)records;
        }, cancellationToken).AsTask();
}
