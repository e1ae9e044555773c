using OpenAaf.Core.Auditing;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Append-only audit table (an UPDATE trigger refuses changes to written rows). Records are group-committed:
/// those written at the same time share one transaction on the writer connection, and
/// <see cref="WriteAsync"/> returns only once its record is committed (<see cref="SqliteGroupCommit{T}"/>).
/// </summary>
internal sealed class SqliteAuditSink : IAuditSink, IAsyncDisposable, IDisposable
{
    /// <summary>Records waiting for the writer; beyond this, callers wait (a few hundred bytes each).</summary>
    internal const int QueueCapacity = 4096;
    /// <summary>Records per transaction at most, so one commit never holds the writer for long.</summary>
    internal const int MaxBatch = 256;

    private const string Columns =
        "time, action, endpoint_id, event_name, chain_name, method_id, user_id, user_name, logon_process_id, result, msg_id, reason, client_address";

    private readonly SqliteDatabase _database;
    private readonly SqliteGroupCommit<AuditRecord> _writer;

    public SqliteAuditSink(SqliteDatabase database)
        : this(database, QueueCapacity, MaxBatch)
    {
    }

    internal SqliteAuditSink(SqliteDatabase database, int queueCapacity, int maxBatch)
    {
        _database = database;
        _writer = new SqliteGroupCommit<AuditRecord>(database, Insert, queueCapacity, maxBatch);
    }

    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        // A record the table would refuse fails its own caller here, not the callers batched with it.
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Action);
        ArgumentNullException.ThrowIfNull(record.Result);
        return _writer.WriteAsync(record, cancellationToken);
    }

    internal long Commits => _writer.Commits;

    internal int Queued => _writer.Queued;

    /// <summary>Waits until every queued record is committed; later writes throw <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private static void Insert(SqliteLink link, AuditRecord r) =>
        link.Command(
                $"INSERT INTO audit ({Columns}) VALUES ($time, $action, $endpoint, $event, $chain, $method, $user, $name, $process, $result, $msgid, $reason, $client)")
            .With("$time", SqliteTime.ToMicros(r.Time)).With("$action", r.Action).With("$endpoint", r.EndpointId)
            .With("$event", r.EventName).With("$chain", r.ChainName).With("$method", r.MethodId).With("$user", r.UserId)
            .With("$name", r.UserName).With("$process", r.LogonProcessId).With("$result", r.Result)
            .With("$msgid", r.MsgId).With("$reason", r.Reason).With("$client", r.ClientAddress)
            .ExecuteNonQuery();

    /// <summary>Records after <paramref name="afterId"/> in the order written, with their row ids.</summary>
    internal Task<IReadOnlyList<(long Id, AuditRecord Record)>> ReadAsync(long afterId, int max, CancellationToken cancellationToken) =>
        _database.ReadAsync((afterId, max), static (link, s) =>
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
                    ClientAddress = reader.GetNullableString(13),
                }));
            }
            return (IReadOnlyList<(long, AuditRecord)>)records;
        }, cancellationToken).AsTask();
}
