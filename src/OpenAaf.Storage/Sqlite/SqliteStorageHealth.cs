using Microsoft.Data.Sqlite;
using OpenAaf.Core.Health;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Opens the database file anew (read-write, never creating it) and reads the schema version. The
/// pooled connections would not notice: a deleted file stays readable and writable through a
/// connection opened before, and every write to it would be lost at the next start.
/// </summary>
public sealed class SqliteStorageHealth(SqliteDatabase database) : IStorageHealth
{
    private readonly string _probe = new SqliteConnectionStringBuilder
    {
        DataSource = database.Location,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 2,
    }.ToString();

    public Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = new SqliteConnection(_probe);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = $key;";
            command.Parameters.AddWithValue("$key", SqliteSchema.SchemaVersionKey);
            return Task.FromResult(command.ExecuteScalar() is string);
        }
        catch (SqliteException)
        {
            return Task.FromResult(false);
        }
    }
}
