using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// On a real Kestrel on loopback: each audited logon step names the client's address, the peer's unless a trusted proxy
/// forwarded another (the same address the throttles key on).
/// </summary>
public sealed class AuditClientAddressTests
{
    [Theory]
    [InlineData(null, null, "127.0.0.1")]
    [InlineData(null, "203.0.113.7", "127.0.0.1")]
    [InlineData("10.0.0.0/8", "203.0.113.7", "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.7", "203.0.113.7")]
    public async Task LogonSteps_RecordTheClientAddress(string? trustedProxy, string? forwardedFor, string expected)
    {
        // Arrange
        using var local = OpenAafFactory.WithLocalUsers();
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(local.DataDirectory, "openaaf.json")))!.AsObject();
        if (trustedProxy is not null) config["network"] = new JsonObject { ["trustedProxies"] = new JsonArray(trustedProxy) };
        var path = Path.Combine(local.DataDirectory, "audit.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), TestContext.Current.CancellationToken);
        using var factory = local.WithWebHostBuilder(b => b.UseSetting("config", path).UseSetting("urls", "http://127.0.0.1:0"));
        factory.UseKestrel(0);
        using var http = factory.CreateClient();
        if (forwardedFor is not null) http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var api = new ApiClient(http);

        // Act
        var session = await api.NewEndpointSessionAsync();
        var reply = await api.LogonAsync(session, @"LOCAL\ADMIN", OpenAafFactory.AdminPassword, "PASSWORD:1");

        // Assert
        Assert.Equal("OK", reply.GetProperty("status").GetString());
        var addresses = await AuditedAddressesAsync(local.DataDirectory);
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.Equal(expected, a));
    }

    private static async Task<List<string?>> AuditedAddressesAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "openaaf.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT client_address FROM audit WHERE action LIKE 'logon.%'";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var addresses = new List<string?>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) addresses.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return addresses;
    }
}
