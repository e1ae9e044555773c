using Microsoft.Data.Sqlite;
using OpenAaf.Core.Security;
using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private SqliteStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stores = await SqliteStores.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public void Initialize_CreatesDirectoryAndWalFile()
    {
        // Assert
        Assert.True(File.Exists(_stores.Sqlite.Location));
        Assert.Equal(Path.Combine(_stores.TempDirectory, "data", "openaaf.db"), _stores.Sqlite.Location);
        Assert.Equal("sqlite", _stores.Sqlite.Provider);
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Initialize_RecordsSchemaVersionAndIsIdempotent()
    {
        // Act
        await _stores.Sqlite.InitializeAsync(Ct);
        await _stores.ReopenAsync(Ct);

        // Assert
        var expected = SqliteSchema.Migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, await _stores.Database.GetMetaAsync(SqliteSchema.SchemaVersionKey, Ct));
    }

    [Fact]
    public async Task Initialize_SchemaNewerThanCode_Throws()
    {
        // Arrange
        await _stores.Database.SetMetaAsync(SqliteSchema.SchemaVersionKey, "999", Ct);
        _stores.Sqlite.Dispose();
        using var database = new SqliteDatabase(_stores.ConnectionString);

        // Act
        var error = await Record.ExceptionAsync(() => database.InitializeAsync(Ct));

        // Assert
        Assert.Contains("999", Assert.IsType<InvalidOperationException>(error).Message);
    }

    [Fact]
    public async Task Stores_BeforeInitialize_Throw()
    {
        // Arrange
        using var database = new SqliteDatabase(_stores.ConnectionString);

        // Act
        var error = await Record.ExceptionAsync(() => new SqliteLockoutStore(database).ResetAsync("u", Ct));

        // Assert
        Assert.IsType<InvalidOperationException>(error);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    [InlineData("")]
    public void Constructor_NotAFile_Throws(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SqliteDatabase(connectionString));
    }

    [Fact]
    public async Task GetOrCreateUserId_TwoDatabaseInstancesOnOneFile_AgreeOnTheId()
    {
        // Arrange: a second instance stands for a second process on the same file (no shared cache or gate).
        using var second = new SqliteDatabase(_stores.ConnectionString);
        await second.InitializeAsync(Ct);
        var stores = new[] { _stores.Users, new SqliteUserStore(second) };
        var repo = RandomIds.NewHexId();
        var objectId = RandomIds.NewHexId();

        // Act
        var ids = await Concurrently.RunAsync(32, i => stores[i % 2].GetOrCreateUserIdAsync(repo, objectId, "denis", Ct));

        // Assert
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task RecordFailure_TwoDatabaseInstancesOnOneFile_CountsEveryFailure()
    {
        // Arrange
        using var second = new SqliteDatabase(_stores.ConnectionString);
        await second.InitializeAsync(Ct);
        var stores = new[] { _stores.Lockout, new SqliteLockoutStore(second) };
        var user = RandomIds.NewHexId();

        // Act
        await Concurrently.RunAsync(40, i => stores[i % 2].RecordFailureAsync(user, Samples.T0, 1000, null, Ct));

        // Assert
        Assert.Equal(40, (await _stores.Lockout.GetAsync(user, Samples.T0, Ct)).Failures);
    }

    [Fact]
    public async Task Crash_FilesCopiedWhileOpen_HoldEverythingThatWasAnswered()
    {
        // Arrange: no clean close, so no checkpoint: what a call answered must already be in the files.
        var user = RandomIds.NewHexId();
        var template = Samples.Template(user);
        await _stores.Templates.TryAddAsync(template, Ct);
        await _stores.Lockout.RecordFailureAsync(user, Samples.T0, 3, null, Ct);
        await _stores.Audit.WriteAsync(new() { Time = Samples.T0, Action = "logon.step", Result = "FAILED" }, Ct);
        var copy = Path.Combine(_stores.TempDirectory, "crash", "openaaf.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(_stores.Sqlite.Location, copy);
        File.Copy(_stores.Sqlite.Location + "-wal", copy + "-wal");

        // Act
        using var recovered = new SqliteDatabase($"Data Source={copy}");
        await recovered.InitializeAsync(Ct);

        // Assert
        Assert.NotNull(await new SqliteTemplateStore(recovered).GetAsync(template.Id, Ct));
        Assert.Equal(1, (await new SqliteLockoutStore(recovered).GetAsync(user, Samples.T0, Ct)).Failures);
        Assert.Single(await new SqliteAuditSink(recovered).ReadAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Audit_UpdateOfAWrittenRow_IsRefused()
    {
        // Arrange
        await _stores.Audit.WriteAsync(new() { Time = Samples.T0, Action = "logon.start", Result = "OK" }, Ct);

        // Act
        var error = Record.Exception(() => Scalar("UPDATE audit SET result = 'FAILED'"));

        // Assert
        Assert.Contains("append-only", Assert.IsType<SqliteException>(error).Message);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_stores.Sqlite.Location};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
