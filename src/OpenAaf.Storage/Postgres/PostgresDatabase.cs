using System.Globalization;
using Npgsql;

namespace OpenAaf.Storage.Postgres;

/// <summary>
/// A PostgreSQL database shared by every node of a cluster. Connections come from one pooled
/// <see cref="NpgsqlDataSource"/>; a connection string that names several hosts (<c>Host=a,b</c>) picks the one that
/// accepts writes (<c>Target Session Attributes=read-write</c> unless the string says otherwise), so after a standby is
/// promoted new connections find it without a restart. Every statement is its own transaction unless a store opens one;
/// a write is acknowledged only after PostgreSQL committed it (with the server's <c>synchronous_commit</c>).
/// </summary>
public sealed class PostgresDatabase : IStorageDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private volatile bool _initialized;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("The postgres provider needs Host=… in its connection string.", nameof(connectionString));
        if (builder.Host.Contains(',', StringComparison.Ordinal) && string.IsNullOrEmpty(builder.TargetSessionAttributes))
            builder.TargetSessionAttributes = "read-write";
        // Readable in the start-up line and in health output: hosts and database, never the password.
        Location = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Provider => "postgres";

    public string Location { get; }

    /// <summary>The pooled connections every store uses.</summary>
    internal NpgsqlDataSource DataSource
    {
        get
        {
            if (!_initialized) throw new InvalidOperationException("The database is not initialised: call InitializeAsync at start.");
            return _dataSource;
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized) return;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, PostgresSchema.CreateMeta, cancellationToken).ConfigureAwait(false);
        var current = int.Parse(await ReadMetaAsync(connection, PostgresSchema.SchemaVersionKey, cancellationToken).ConfigureAwait(false) ?? "0",
            CultureInfo.InvariantCulture);
        var latest = PostgresSchema.Migrations.Count;
        if (current > latest)
            throw new InvalidOperationException($"The database schema version {current} is newer than this server supports ({latest}).");
        for (var version = current + 1; version <= latest; version++)
        {
            await ExecuteAsync(connection, PostgresSchema.Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await WriteMetaAsync(connection, PostgresSchema.SchemaVersionKey, version.ToString(CultureInfo.InvariantCulture), cancellationToken)
                .ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _initialized = true;
    }

    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadMetaAsync(connection, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await WriteMetaAsync(connection, key, value, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadMetaAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM meta WHERE key = $1", connection);
        command.Parameters.AddWithValue(key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task WriteMetaAsync(NpgsqlConnection connection, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", connection);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
