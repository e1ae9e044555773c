namespace OpenAaf.Storage;

/// <summary>
/// The database behind the durable stores of one provider: created or migrated by <see cref="InitializeAsync"/>
/// before any store is used, with a small key-value table for installation facts.
/// </summary>
public interface IStorageDatabase
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    /// <summary>Where the data lives, for the start-up line (a full file path for SQLite; never a password).</summary>
    string Location { get; }

    /// <summary>Opens the database and creates or migrates its schema; idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken);

    Task SetMetaAsync(string key, string value, CancellationToken cancellationToken);
}
