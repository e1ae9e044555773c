namespace OpenAaf.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations; <c>meta.schema_version</c> is the number of the last one applied.
/// Append new migrations; never edit one that has shipped. Names: snake_case, singular tables. Times are
/// <c>timestamptz</c>; ids and names are <c>text</c>; names are matched case-insensitively through <c>*_key</c>
/// columns (upper invariant, computed by the stores as on SQLite, so both providers fold names the same way).
/// </summary>
internal static class PostgresSchema
{
    public const string SchemaVersionKey = "schema_version";

    /// <summary>
    /// Key of the transaction-level advisory lock that serialises migrations: nodes that start at once wait for the
    /// first one and then find nothing left to do.
    /// </summary>
    public const long MigrationLockKey = 0x4F41_4146_0001; // "OAAF" 1

    public const string CreateMeta =
        "CREATE TABLE IF NOT EXISTS meta (key text NOT NULL PRIMARY KEY, value text NOT NULL);";

    public static readonly IReadOnlyList<string> Migrations =
    [
    ];
}
