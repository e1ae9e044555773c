using Npgsql;
using Xunit;

namespace OpenAaf.Testing;

/// <summary>
/// A private PostgreSQL cluster (tests/fixtures/postgres-test.sh) on a free loopback port below 32768, in its own
/// temporary folder, stopped and deleted on dispose. Use as an xunit class, collection or assembly fixture; each test
/// takes a fresh database with <see cref="CreateDatabaseAsync"/>, so tests sharing one cluster never see each other.
/// Role <c>app</c> / <c>apppw</c> owns every database it creates.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string User = "app";
    public const string Password = "apppw";

    private readonly List<PostgresInstance> _instances = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "openaaf-pg-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The primary every database is created on.</summary>
    public PostgresInstance Primary { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        FixtureScripts.RequireBinaries("psql");
        Primary = await StartAsync("primary", null);
    }

    /// <summary>Starts a streaming-replication standby of the primary (pg_basebackup); stopped with the fixture.</summary>
    public Task<PostgresInstance> StartStandbyAsync() => StartAsync("standby", Primary);

    /// <summary>A new, empty database owned by <see cref="User"/>; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Primary.ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {User}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return Primary.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Enumerable.Reverse(_instances)) await instance.StopAsync();
        NpgsqlConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<PostgresInstance> StartAsync(string role, PostgresInstance? primary)
    {
        Exception? last = null;
        // A port that was free when probed can be taken before postgres binds it: retry with others.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = SlapdFixture.FreePort();
            var folder = Path.Combine(Directory, $"{role}-{_instances.Count}");
            string[] arguments = primary is null
                ? [folder, port.ToString()]
                : [folder, port.ToString(), "standby", primary.Port.ToString()];
            try
            {
                var output = await FixtureScripts.RunAsync(FixtureScripts.Script("postgres-test.sh"), arguments, TimeSpan.FromSeconds(120));
                var instance = new PostgresInstance(folder, port, int.Parse(output.Split('\n')[^1]));
                _instances.Add(instance);
                return instance;
            }
            catch (InvalidOperationException e)
            {
                last = e;
            }
        }
        throw new InvalidOperationException($"Could not start the PostgreSQL {role}: " + last?.Message, last);
    }
}

/// <summary>One postgres server of a <see cref="PostgresFixture"/>.</summary>
public sealed class PostgresInstance(string directory, int port, int pid)
{
    public string Directory { get; } = directory;
    public int Port { get; } = port;
    public int Pid { get; } = pid;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={PostgresFixture.User};Password={PostgresFixture.Password};Database={database}";

    /// <summary>Runs <c>pg_ctl promote</c> (a standby becomes a primary).</summary>
    public Task PromoteAsync() => PgCtlAsync("promote -w");

    /// <summary>Fast shutdown; nothing when it is already down.</summary>
    public async Task StopAsync()
    {
        try
        {
            await PgCtlAsync("-m fast -w stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
    }

    /// <summary>Kills the postmaster at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
    }

    private Task PgCtlAsync(string arguments) =>
        FixtureScripts.RunAsync("-c",
            [$"AS=''; [ \"$(id -u)\" = 0 ] && AS='runuser -u postgres --'; B=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); $AS $B/pg_ctl -D '{Directory}/data' {arguments} >/dev/null"],
            TimeSpan.FromSeconds(60));
}
