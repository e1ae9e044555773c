using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// Wrong endpoint-secret hashes are limited per endpoint AND client address, and a correct hash always gets its
/// session: nobody who knows only the (public) endpoint id can lock the endpoint's real clients out.
/// </summary>
public sealed class EndpointSessionThrottleTests : IDisposable
{
    private const string Right = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9";
    private static readonly string Wrong = new('0', 64);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly OpenAafFactory _factory;

    public EndpointSessionThrottleTests() => _factory = OpenAafFactory.WithLocalUsers(_time);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WrongHashesFromA_ThrottleOnlyA_AndNeverACorrectHash()
    {
        // Arrange: the attack, 25 wrong hashes from address A.
        var fromA = new List<int>();
        for (var i = 0; i < 25; i++) fromA.Add((await CreateAsync("203.0.113.7", Wrong)).Status);

        // Act
        var rightFromA = await CreateAsync("203.0.113.7", Right);
        var wrongFromA = await CreateAsync("203.0.113.7", Wrong);
        var rightFromB = await CreateAsync("198.51.100.9", Right);
        var wrongFromB = await CreateAsync("198.51.100.9", Wrong);

        // Assert
        Assert.Equal(Enumerable.Repeat(401, 20).Concat(Enumerable.Repeat(429, 5)), fromA);
        Assert.Equal(200, rightFromA.Status);
        Assert.Equal(429, wrongFromA.Status);
        Assert.Equal("60", wrongFromA.RetryAfter);
        Assert.Equal("TOO_MANY_REQUESTS", wrongFromA.Reason);
        Assert.Equal(200, rightFromB.Status);
        Assert.Equal(401, wrongFromB.Status);
    }

    [Fact]
    public async Task Throttle_EndsWithItsWindow_AndRetryAfterCountsDown()
    {
        // Arrange
        for (var i = 0; i < 20; i++) await CreateAsync("203.0.113.7", Wrong);
        _time.Advance(TimeSpan.FromSeconds(45));

        // Act
        var late = await CreateAsync("203.0.113.7", Wrong);
        _time.Advance(TimeSpan.FromSeconds(16));
        var after = await CreateAsync("203.0.113.7", Wrong);

        // Assert
        Assert.Equal((429, "15"), (late.Status, late.RetryAfter));
        Assert.Equal(401, after.Status);
    }

    [Fact]
    public async Task Throttle_IsPerEndpoint_ForTheSameAddress()
    {
        // Arrange
        for (var i = 0; i < 20; i++) await CreateAsync("203.0.113.7", Wrong);

        // Act
        var otherEndpoint = await CreateAsync("203.0.113.7", Wrong, "99999999999999999999999999999999");

        // Assert
        Assert.Equal(401, otherEndpoint.Status);
    }

    private async Task<(int Status, string? RetryAfter, string? Reason)> CreateAsync(string address, string hash, string endpointId = OpenAafFactory.EndpointId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { salt = "abc", endpoint_secret_hash = hash });
        var context = await _factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = $"/api/v1/endpoints/{endpointId}/sessions";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(body);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, TestContext.Current.CancellationToken);
        var reply = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        var reason = reply.RootElement.TryGetProperty("reason", out var r) ? r.GetString() : null;
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } retry ? retry : null, reason);
    }
}
