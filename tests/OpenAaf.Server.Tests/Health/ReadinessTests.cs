using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Directories;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Health;

// The same server as the seed-flow tests against slapd: LDAP in clear text, LDAPS, and a repository nobody answers for.
// xUnit gives each test class its own instance of a class fixture, so these tests see a server no other class used.
/// <summary><c>/health/ready</c> reports real readiness: the database now, and each repository's last known state.</summary>
public sealed class ReadinessTests(SlapdLogonTests.Server server) : IClassFixture<SlapdLogonTests.Server>
{
    private readonly ApiClient _api = server.Api;

    private static JsonElement Repository(JsonElement body, string name) =>
        body.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Each_repository_reports_its_last_known_state_and_clear_text_binds_are_named()
    {
        var (status, before) = await _api.SendAsync(HttpMethod.Get, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("status", before.EnumerateObject().First().Name);
        Assert.Equal("ready", before.GetProperty("status").GetString());
        Assert.Equal("reachable", before.GetProperty("storage").GetString());
        Assert.Equal("reachable", Repository(before, "LOCAL").GetProperty("state").GetString());
        Assert.Equal("unknown", Repository(before, "DOWN").GetProperty("state").GetString());

        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, @"EXAMPLE\alice", "alicepw", "LDAP_PASSWORD:1", "Search Card");
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        var (down, _) = await _api.StartLogonAsync(session, @"DOWN\alice", "LDAP_PASSWORD:1", "Search Card");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);

        var (after, body) = await _api.SendAsync(HttpMethod.Get, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, after); // a directory outage does not make the server unready
        var example = Repository(body, "EXAMPLE");
        Assert.Equal("reachable", example.GetProperty("state").GetString());
        Assert.Contains("clear text", example.GetProperty("warning").GetString());
        var dead = Repository(body, "DOWN");
        Assert.Equal("unreachable", dead.GetProperty("state").GetString());
        Assert.True(DateTimeOffset.Parse(dead.GetProperty("lastErrorAt").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Contains("clear text", dead.GetProperty("warning").GetString());
        Assert.False(Repository(body, "SECURE").TryGetProperty("warning", out _));
        Assert.False(Repository(body, "LOCAL").TryGetProperty("warning", out _));
        // Small and without secrets: no URL, no DN, no password.
        var text = body.GetRawText();
        Assert.DoesNotContain("127.0.0.1", text);
        Assert.DoesNotContain(SlapdFixture.ServicePassword, text);
        Assert.DoesNotContain("dc=example", text);
        Assert.True(text.Length < 1024, text);
    }
}

/// <summary>Storage that is gone makes the server unready (its own server: the test deletes its database).</summary>
public sealed class StorageReadinessTests
{
    [Fact]
    public async Task Ready_is_503_once_the_database_file_is_gone()
    {
        using var factory = OpenAafFactory.WithLocalUsers();
        var api = new ApiClient(factory.CreateClient());
        var (ready, _) = await api.SendAsync(HttpMethod.Get, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready);

        foreach (var file in System.IO.Directory.GetFiles(factory.DataDirectory, "openaaf.db*")) File.Delete(file);

        // The last check is remembered for a second.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        (HttpStatusCode Status, JsonElement Body) gone;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            gone = await api.SendAsync(HttpMethod.Get, "/health/ready");
        } while (gone.Status == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Status);
        Assert.Equal("unavailable", gone.Body.GetProperty("status").GetString());
        Assert.Equal("unreachable", gone.Body.GetProperty("storage").GetString());
        Assert.Equal("unreachable", gone.Body.GetProperty("repositories")[0].GetProperty("state").GetString());
    }
}
