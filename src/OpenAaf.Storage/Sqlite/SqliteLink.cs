using Microsoft.Data.Sqlite;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// One open connection with its prepared commands, used by one caller at a time. Commands are kept per SQL text
/// so that SQLite prepares each statement once per connection, not once per call.
/// </summary>
internal sealed class SqliteLink : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public SqliteLink(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The cached command for <paramref name="sql"/>, parameters cleared, enlisted in the open transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = _transaction;
        return command;
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock now, so a read-then-write never fails half-way with SQLITE_BUSY.</summary>
    public void Begin() => _transaction = Connection.BeginTransaction(deferred: false);

    public void Commit()
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        transaction.Commit();
        transaction.Dispose();
    }

    public void RollbackIfOpen()
    {
        var transaction = _transaction;
        if (transaction is null)
        {
            return;
        }
        _transaction = null;
        try
        {
            transaction.Rollback();
        }
        finally
        {
            transaction.Dispose();
        }
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        RollbackIfOpen();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        Connection.Dispose();
    }
}
