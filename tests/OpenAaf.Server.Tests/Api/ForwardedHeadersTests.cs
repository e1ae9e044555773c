using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// On a real Kestrel on loopback: X-Forwarded-For is believed only from <c>network.trustedProxies</c>, so a client
/// cannot pick the address the endpoint-hash throttle keys on.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly string Wrong = JsonSerializer.Serialize(new { salt = "abc", endpoint_secret_hash = new string('0', 64) });

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.0/8")]
    public async Task FromAnUntrustedPeer_TheHeaderIsIgnored_AndTheThrottleKeysOnThePeer(string? trusted)
    {
        // Arrange
        using var server = Start(trusted);
        var http = server.Factory.CreateClient();

        // Act: every attempt claims another address; the peer is always 127.0.0.1.
        var statuses = new List<int>();
        for (var i = 0; i < 21; i++) statuses.Add(await WrongHashAsync(http, $"203.0.113.{i + 1}"));

        // Assert
        Assert.Equal(Enumerable.Repeat(401, 20).Append(429), statuses);
    }

    [Fact]
    public async Task FromATrustedProxy_TheForwardedAddressIsTheClient()
    {
        // Arrange
        using var server = Start("127.0.0.1");
        var http = server.Factory.CreateClient();
        for (var i = 0; i < 20; i++) Assert.Equal(401, await WrongHashAsync(http, "203.0.113.7"));

        // Act
        var sameClient = await WrongHashAsync(http, "203.0.113.7");
        var otherClient = await WrongHashAsync(http, "198.51.100.9");
        var chainedThroughAnUntrustedHop = await WrongHashAsync(http, "198.51.100.10, 203.0.113.7");

        // Assert
        Assert.Equal(429, sameClient);
        Assert.Equal(401, otherClient);
        // The rightmost address is the one the trusted proxy saw; the spoofable ones before it are not believed.
        Assert.Equal(429, chainedThroughAnUntrustedHop);
    }

    private static async Task<int> WrongHashAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions")
        {
            Content = new StringContent(Wrong),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    private static KestrelServer Start(string? trustedProxy)
    {
        var local = OpenAafFactory.WithLocalUsers();
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(local.DataDirectory, "openaaf.json")))!.AsObject();
        if (trustedProxy is not null) config["network"] = new JsonObject { ["trustedProxies"] = new JsonArray(trustedProxy) };
        var path = Path.Combine(local.DataDirectory, "network.json");
        File.WriteAllText(path, config.ToJsonString());
        var factory = local.WithWebHostBuilder(b => b.UseSetting("config", path).UseSetting("urls", "http://127.0.0.1:0"));
        factory.UseKestrel(0);
        return new KestrelServer(local, factory);
    }

    private sealed class KestrelServer(OpenAafFactory local, WebApplicationFactory<Program> factory) : IDisposable
    {
        public WebApplicationFactory<Program> Factory => factory;

        public void Dispose()
        {
            factory.Dispose();
            local.Dispose();
        }
    }
}
