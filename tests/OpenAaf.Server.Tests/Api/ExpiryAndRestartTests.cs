using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Time-outs with a fake clock (api.md §5.11), lockout (§5.10), and what must survive a restart.</summary>
public sealed class ExpiryAndRestartTests
{
    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task IdleEndpointSession_Is433_AndANewSessionCannotUseTheOldProcess()
    {
        var clock = NewClock();
        using var factory = OpenAafFactory.WithLocalUsers(clock);
        var api = new ApiClient(factory.CreateClient());
        var session = await api.NewEndpointSessionAsync();
        var (_, started) = await api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(3600));
        var expired = await api.AnswerAsync(session, id, "Al1ce!pass");
        var renewed = await api.NewEndpointSessionAsync();
        var old = await api.AnswerAsync(renewed, id, "Al1ce!pass");

        Assert.Equal((HttpStatusCode)433, expired.Status);
        Assert.Equal("AUCORE-1063", expired.Body.GetProperty("errors")[0].GetProperty("msgid").GetString());
        Assert.Equal((HttpStatusCode)444, old.Status);
    }

    [Fact]
    public async Task LogonProcess_ExpiresWhenIdle_AndLoginSessionAfterItsIdleTime()
    {
        var clock = NewClock();
        using var factory = OpenAafFactory.WithLocalUsers(clock);
        var api = new ApiClient(factory.CreateClient());
        var session = await api.NewEndpointSessionAsync();
        var (_, started) = await api.StartLogonAsync(session, "alice");
        var ok = await api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(300));
        var process = await api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, "Al1ce!pass");
        clock.Advance(TimeSpan.FromSeconds(600));
        var (status, body) = await api.SendAsync(HttpMethod.Get, $"/api/v1/logon/sessions/{login}?endpoint_session_id={session}");

        Assert.Equal((HttpStatusCode)444, process.Status);
        Assert.Equal((HttpStatusCode)434, status);
        Assert.Equal("AUCORE-1067", body.GetProperty("errors")[0].GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task Lockout_AfterThreeFailures_HidesWhetherThePasswordWasRight_UntilThePeriodEnds()
    {
        var clock = NewClock();
        using var factory = OpenAafFactory.WithLocalUsers(clock);
        var api = new ApiClient(factory.CreateClient());
        var session = await api.NewEndpointSessionAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal("PASSWORD_WRONG", (await api.LogonAsync(session, "alice", "bad")).GetProperty("reason").GetString());

        var (_, chains) = await api.SendAsync(HttpMethod.Get, $"/api/v1/logon/chains?user_name=alice&event=Authenticators%20Management&endpoint_session_id={session}");
        var locked = await api.LogonAsync(session, "alice", "Al1ce!pass");
        var lockedWrong = await api.LogonAsync(session, "alice", "bad");
        clock.Advance(TimeSpan.FromSeconds(300));
        var session2 = await api.NewEndpointSessionAsync();
        var after = await api.LogonAsync(session2, "alice", "Al1ce!pass");

        Assert.True(chains.GetProperty("user_is_locked").GetBoolean());
        Assert.Equal(("FAILED", "OAAF-2101", "USER_LOCKED"), Codes(locked));
        Assert.Equal(Codes(locked), Codes(lockedWrong));
        Assert.Equal("OK", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Restart_KeepsLocalUsersLockoutCountersAndIds()
    {
        var policies = new JsonObject { ["LockoutOptions"] = new JsonObject { ["failed_attempts"] = 3 } };
        string dataDirectory, adminId;
        using (var first = OpenAafFactory.WithLocalUsers(policies: policies))
        {
            dataDirectory = first.DataDirectory;
            var api = new ApiClient(first.CreateClient());
            var session = await api.NewEndpointSessionAsync();
            adminId = (await api.LogonAsync(session, "admin", OpenAafFactory.AdminPassword)).GetProperty("user_id").GetString()!;
            await api.LogonAsync(session, "alice", "bad");
            await api.LogonAsync(session, "alice", "bad");
        }

        // The second start declares no users: what was enrolled before must still be there.
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") }),
            new JsonArray(new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") }),
            users: []);
        using var second = new OpenAafFactory(bootstrap, dataDirectory: dataDirectory, policies: policies);
        var api2 = new ApiClient(second.CreateClient());
        var session2 = await api2.NewEndpointSessionAsync();
        var admin = await api2.LogonAsync(session2, "admin", OpenAafFactory.AdminPassword);
        var third = await api2.LogonAsync(session2, "alice", "bad");
        var locked = await api2.LogonAsync(session2, "alice", "Al1ce!pass");

        Assert.Equal("OK", admin.GetProperty("status").GetString());
        Assert.Equal("PASSWORD_WRONG", third.GetProperty("reason").GetString());
        Assert.Equal("USER_LOCKED", locked.GetProperty("reason").GetString());
        Assert.Equal(adminId, admin.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Audit_RecordsEveryStep_WithoutSecrets()
    {
        using var factory = OpenAafFactory.WithLocalUsers();
        var api = new ApiClient(factory.CreateClient());
        var session = await api.NewEndpointSessionAsync();
        await api.LogonAsync(session, "alice", "Al1ce!pass");
        await api.LogonAsync(session, "alice", "Wr0ng!secret");

        var rows = ReadAudit(Path.Combine(factory.DataDirectory, "openaaf.db"));

        Assert.Contains(rows, r => r.Contains("logon.start") && r.Contains("LOCAL\\alice"));
        Assert.Contains(rows, r => r.Contains("OK") && r.Contains("AUCORE-2001") && r.Contains("Password only") && r.Contains(OpenAafFactory.EndpointId));
        Assert.Contains(rows, r => r.Contains("FAILED") && r.Contains("PASSWORD_WRONG") && r.Contains("PASSWORD:1"));
        Assert.DoesNotContain(rows, r => r.Contains("Al1ce!pass") || r.Contains("Wr0ng!secret"));
    }

    private static List<string> ReadAudit(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        return rows;
    }

    private static (string?, string?, string?) Codes(System.Text.Json.JsonElement e) =>
        (e.GetProperty("status").GetString(), e.GetProperty("msgid").GetString(), e.GetProperty("reason").GetString());
}
