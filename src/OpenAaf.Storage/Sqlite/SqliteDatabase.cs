using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// A SQLite file in WAL mode, shared by the SQLite stores. SQLite allows one writer at a time, so writes are
/// serialised in process on one writer connection (an async gate: no busy-wait sleeping, FIFO-ish fairness)
/// and readers use a small pool of read-only connections, which WAL lets run next to the writer.
/// Commits use synchronous=NORMAL: a committed write survives a crash of the process; after a power loss
/// the last transactions before the latest checkpoint may be lost.
/// </summary>
public sealed class SqliteDatabase : IStorageDatabase, IDisposable
{
    private const int BusyTimeoutMs = 5000;
    private static readonly int MaxPooledReaders = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteLink> _readers = [];
    private SqliteLink? _writer;
    private volatile bool _initialized;
    private volatile bool _disposed;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The sqlite provider needs a file database (Data Source=path).", nameof(connectionString));
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        // Note: connections are pooled here (with their prepared statements), not by Microsoft.Data.Sqlite.
        builder.Pooling = false;
        Location = builder.DataSource;
        _connectionString = builder.ToString();
    }

    public string Provider => "sqlite";

    public string Location { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }
            PrivateDatabaseFiles.Prepare(Location);
            var writer = Open(readOnly: false);
            try
            {
                using (var command = writer.Connection.CreateCommand())
                {
                    command.CommandText = "PRAGMA journal_mode=WAL;";
                    var mode = command.ExecuteScalar() as string;
                    if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidOperationException($"SQLite refused WAL mode for {Location} (journal_mode={mode}).");
                    }
                }
                Migrate(writer);
            }
            catch
            {
                writer.Dispose();
                throw;
            }
            _writer = writer;
            _initialized = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken) =>
        ReadAsync(key, static (link, key) => ReadMeta(link, key), cancellationToken).AsTask();

    public Task SetMetaAsync(string key, string value, CancellationToken cancellationToken) =>
        WriteAsync((key, value), static (link, kv) => WriteMeta(link, kv.key, kv.value), cancellationToken).AsTask();

    /// <summary>Runs <paramref name="work"/> on a pooled read-only connection, synchronously.</summary>
    internal ValueTask<T> ReadAsync<TState, T>(TState state, Func<SqliteLink, TState, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureReady();
        if (!_readers.TryTake(out var link))
        {
            link = Open(readOnly: true);
        }
        try
        {
            return ValueTask.FromResult(work(link, state));
        }
        finally
        {
            Return(link);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection, alone. A single statement commits by itself;
    /// work that reads before it writes opens a transaction with <see cref="SqliteLink.Begin"/>, and one left
    /// open by an exception is rolled back here.
    /// </summary>
    internal async ValueTask<T> WriteAsync<TState, T>(TState state, Func<SqliteLink, TState, T> work, CancellationToken cancellationToken)
    {
        EnsureReady();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = _writer!;
            try
            {
                return work(writer, state);
            }
            finally
            {
                writer.RollbackIfOpen();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // Wait for a write in flight, then close everything; readers still out are closed when returned.
        _writeGate.Wait();
        try
        {
            _writer?.Dispose();
            _writer = null;
            while (_readers.TryTake(out var link))
            {
                link.Dispose();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void EnsureReady()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_initialized)
        {
            throw new InvalidOperationException("The database is not initialised: call InitializeAsync at start.");
        }
    }

    private void Return(SqliteLink link)
    {
        if (_disposed || _readers.Count >= MaxPooledReaders)
        {
            link.Dispose();
            return;
        }
        _readers.Add(link);
        if (_disposed && _readers.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    private SqliteLink Open(bool readOnly)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;" +
                (readOnly ? " PRAGMA query_only=ON;" : "");
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteLink(connection);
    }

    private static void Migrate(SqliteLink writer)
    {
        writer.Execute(SqliteSchema.CreateMeta);
        var current = int.Parse(ReadMeta(writer, SqliteSchema.SchemaVersionKey) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var latest = SqliteSchema.Migrations.Count;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database schema version {current} is newer than this server supports ({latest}).");
        }
        for (var version = current + 1; version <= latest; version++)
        {
            writer.Begin();
            writer.Execute(SqliteSchema.Migrations[version - 1]);
            WriteMeta(writer, SqliteSchema.SchemaVersionKey, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Commit();
        }
    }

    private static string? ReadMeta(SqliteLink link, string key) =>
        link.Command("SELECT value FROM meta WHERE key = $key").With("$key", key).ExecuteScalar() as string;

    private static bool WriteMeta(SqliteLink link, string key, string value)
    {
        link.Command("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .With("$key", key).With("$value", value).ExecuteNonQuery();
        return true;
    }
}
