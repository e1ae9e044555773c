namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// The SQLite schema as numbered migrations; <c>meta.schema_version</c> is the number of the last one applied.
/// Append new migrations; never edit one that has shipped. Names: snake_case, singular tables.
/// </summary>
internal static class SqliteSchema
{
    public const string SchemaVersionKey = "schema_version";

    public const string CreateMeta =
        "CREATE TABLE IF NOT EXISTS meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;";

    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: durable stores of v1. Names are matched case-insensitively through *_key columns (upper invariant),
        // because SQLite's NOCASE folds ASCII only. Times are integer microseconds since the epoch, UTC.
        """
        CREATE TABLE config_object (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX config_object_kind_name_key ON config_object (kind, name_key);

        CREATE TABLE user_ref (
            user_id TEXT NOT NULL PRIMARY KEY,
            repository_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            login_name TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX user_ref_repository_object_key ON user_ref (repository_id, object_id);

        CREATE TABLE local_user (
            object_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            email TEXT NOT NULL,
            mobile_phone TEXT NOT NULL,
            groups TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE template (
            id TEXT NOT NULL PRIMARY KEY,
            user_id TEXT NOT NULL,
            method_id TEXT NOT NULL,
            category_id TEXT NOT NULL,
            comment TEXT NOT NULL,
            data TEXT NOT NULL,
            secret BLOB NOT NULL,
            auto_created INTEGER NOT NULL,
            created INTEGER NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX template_user_method_category_key ON template (user_id, method_id, category_id);

        CREATE TABLE lockout (
            user_id TEXT NOT NULL PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until INTEGER,
            last_fail_at INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            action TEXT NOT NULL,
            endpoint_id TEXT,
            event_name TEXT,
            chain_name TEXT,
            method_id TEXT,
            user_id TEXT,
            user_name TEXT,
            logon_process_id TEXT,
            result TEXT NOT NULL,
            msg_id TEXT,
            reason TEXT
        );
        CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        """,
        // 2: verifications under way (api.md §5.10): reserved before a method verifies, removed with its verdict, counted
        // as a failure once expired.
        """
        CREATE TABLE lockout_reservation (
            user_id TEXT NOT NULL,
            reservation_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, reservation_id)
        ) WITHOUT ROWID;
        """,
        // 3: logon counters (TOTP step, HOTP counter, U2F/FIDO2 signature counter) move out of the sealed secret
        // into a JSON column, so that a logon never seals again. NULL for existing rows: the counter sealed in
        // the secret applies until the first logon writes this column (Core's TemplateLogonState).
        """
        ALTER TABLE template ADD COLUMN logon_state TEXT;
        """,
        // 4: the client address of each audited step (api.md §1.7 rate limits and the audit name the same address).
        """
        ALTER TABLE audit ADD COLUMN client_address TEXT;
        """,
    ];
}
