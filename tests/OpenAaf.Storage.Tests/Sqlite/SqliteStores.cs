using OpenAaf.Core.Auditing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Storage.Sqlite;
using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Sqlite;

/// <summary>The SQLite stores over a database file in a fresh temporary directory, deleted at the end.</summary>
public sealed class SqliteStores : DurableStores
{
    private SqliteAuditSink _audit = null!;
    private IConfigurationStore _config = null!;
    private IUserStore _users = null!;
    private ITemplateStore _templates = null!;
    private ILockoutStore _lockout = null!;

    private SqliteStores(string directory) => TempDirectory = directory;

    public string TempDirectory { get; }

    public string ConnectionString => $"Data Source={Path.Combine(TempDirectory, "data", "openaaf.db")}";

    public SqliteDatabase Sqlite { get; private set; } = null!;

    internal SqliteAuditSink SqliteAudit => _audit;

    public override IStorageDatabase Database => Sqlite;
    public override IConfigurationStore Config => _config;
    public override IUserStore Users => _users;
    public override ITemplateStore Templates => _templates;
    public override ILockoutStore Lockout => _lockout;
    public override IAuditSink Audit => _audit;

    /// <param name="existing">writes a database file at the given path before the stores open it (an older schema to migrate)</param>
    public static async Task<SqliteStores> CreateAsync(CancellationToken cancellationToken, Action<string>? existing = null)
    {
        var stores = new SqliteStores(Path.Combine(Path.GetTempPath(), "openaaf-storage-tests", Guid.NewGuid().ToString("N")));
        if (existing is not null)
        {
            var file = Path.Combine(stores.TempDirectory, "data", "openaaf.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            existing(file);
        }
        await stores.OpenAsync(cancellationToken);
        return stores;
    }

    public override Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(CancellationToken cancellationToken) =>
        _audit.ReadAsync(0, int.MaxValue, cancellationToken)
            .ContinueWith(t => (IReadOnlyList<AuditRecord>)t.Result.Select(r => r.Record).ToList(), cancellationToken,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public override async Task ReopenAsync(CancellationToken cancellationToken)
    {
        // As the host's container does: the audit writer flushes before the database closes.
        await _audit.DisposeAsync();
        Sqlite.Dispose();
        await OpenAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_audit is not null) await _audit.DisposeAsync();
        Sqlite?.Dispose();
        try
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        Sqlite = new SqliteDatabase(ConnectionString);
        await Sqlite.InitializeAsync(cancellationToken);
        _config = new SqliteConfigurationStore(Sqlite);
        _users = new SqliteUserStore(Sqlite);
        _templates = new SqliteTemplateStore(Sqlite);
        _lockout = new SqliteLockoutStore(Sqlite);
        _audit = new SqliteAuditSink(Sqlite);
    }
}
