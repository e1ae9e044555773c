using Npgsql;
using OpenAaf.Storage.Postgres;
using OpenAaf.Testing;

namespace OpenAaf.Storage.Tests.Postgres;

public sealed class PostgresDatabaseTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_creates_the_schema_once_and_is_idempotent()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await using (var first = new PostgresDatabase(connectionString))
        {
            await first.InitializeAsync(Ct);
            await first.InitializeAsync(Ct);
            Assert.Equal(PostgresSchema.Migrations.Count.ToString(), await first.GetMetaAsync(PostgresSchema.SchemaVersionKey, Ct) ?? "0");
        }
        await using var again = new PostgresDatabase(connectionString);
        await again.InitializeAsync(Ct);
        Assert.Equal(PostgresSchema.Migrations.Count.ToString(), await again.GetMetaAsync(PostgresSchema.SchemaVersionKey, Ct) ?? "0");
    }

    [Fact]
    public async Task Nodes_starting_at_once_migrate_the_database_once_without_errors()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        var nodes = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(connectionString)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.InitializeAsync(Ct)));
            await nodes[0].SetMetaAsync("probe", "1", Ct);
            Assert.All(await Task.WhenAll(nodes.Select(n => n.GetMetaAsync("probe", Ct))), v => Assert.Equal("1", v));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_newer_schema_than_the_server_knows_is_refused()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        await using (var database = new PostgresDatabase(connectionString))
        {
            await database.InitializeAsync(Ct);
            await database.SetMetaAsync(PostgresSchema.SchemaVersionKey, "9999", Ct);
        }
        await using var newer = new PostgresDatabase(connectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync(Ct));
        Assert.Contains("9999", error.Message);
    }

    [Fact]
    public async Task Meta_values_are_written_and_replaced()
    {
        await using var database = new PostgresDatabase(await postgres.CreateDatabaseAsync(Ct));
        await database.InitializeAsync(Ct);
        Assert.Null(await database.GetMetaAsync("k", Ct));
        await database.SetMetaAsync("k", "a", Ct);
        await database.SetMetaAsync("k", "b", Ct);
        Assert.Equal("b", await database.GetMetaAsync("k", Ct));
    }

    [Fact]
    public void The_location_names_hosts_and_database_but_never_the_password()
    {
        using var database = new PostgresDatabase("Host=db1,db2;Port=5432;Username=app;Password=s3cret-pw;Database=openaaf");
        Assert.Equal("postgres://app@db1,db2:5432/openaaf", database.Location);
        Assert.DoesNotContain("s3cret", database.Location);
    }

    [Fact]
    public async Task A_multi_host_string_reaches_the_primary_and_skips_a_standby()
    {
        var standby = await postgres.StartStandbyAsync();
        var primaryOnly = await postgres.CreateDatabaseAsync(Ct);
        var database = new NpgsqlConnectionStringBuilder(primaryOnly).Database!;
        await WaitUntilReplicatedAsync(standby, database);
        // The standby is named first: a read-write target session must still land on the primary.
        var multiHost = $"Host=127.0.0.1:{standby.Port},127.0.0.1:{postgres.Primary.Port};Username={PostgresFixture.User};" +
                        $"Password={PostgresFixture.Password};Database={database}";
        await using var storage = new PostgresDatabase(multiHost);
        await storage.InitializeAsync(Ct);
        await storage.SetMetaAsync("written", "on the primary", Ct);
        Assert.Equal("on the primary", await storage.GetMetaAsync("written", Ct));
    }

    private static async Task WaitUntilReplicatedAsync(PostgresInstance standby, string database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(standby.ConnectionString(database));
                await connection.OpenAsync(Ct);
                return;
            }
            catch (PostgresException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
            }
        }
    }
}
