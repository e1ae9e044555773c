using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Tests.Api;

/// <summary>The throttle's memory stays bounded under a flood of fresh clients, and clients are keyed as documented.</summary>
public sealed class EndpointAuthThrottleTests
{
    private const string Endpoint = "41414141414141414141414141414141";

    [Fact]
    public void AFloodOfClients_NeverGrowsPastTheCap_AndARecentThrottleSurvives()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var throttle = new EndpointAuthThrottle(time);
        for (var i = 0; i < EndpointAuthThrottle.MaxTracked; i++) throttle.RecordFailure(Endpoint, $"flood-{i}");
        time.Advance(TimeSpan.FromSeconds(1));

        // Act
        for (var i = 0; i < EndpointAuthThrottle.MaxFailuresPerWindow; i++) throttle.RecordFailure(Endpoint, "attacker");
        for (var i = 0; i < 1000; i++) throttle.RecordFailure(new string('x', 5000) + i, "flood-late");

        // Assert
        Assert.InRange(throttle.Tracked, 1, EndpointAuthThrottle.MaxTracked);
        Assert.NotNull(throttle.RetryAfter(Endpoint, "attacker"));
    }

    [Fact]
    public void ExpiredWindows_AreDroppedFirst()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var throttle = new EndpointAuthThrottle(time);
        for (var i = 0; i < EndpointAuthThrottle.MaxTracked; i++) throttle.RecordFailure(Endpoint, $"old-{i}");
        time.Advance(TimeSpan.FromSeconds(EndpointAuthThrottle.WindowSeconds + 1));

        // Act
        throttle.RecordFailure(Endpoint, "new");

        // Assert
        Assert.Equal(1, throttle.Tracked);
    }

    [Fact]
    public void EndpointIds_AreComparedCaseInsensitively()
    {
        var throttle = new EndpointAuthThrottle(new FakeTimeProvider(DateTimeOffset.UtcNow));

        for (var i = 0; i < EndpointAuthThrottle.MaxFailuresPerWindow; i++) throttle.RecordFailure(i % 2 == 0 ? "abcdef" : "ABCDEF", "a");

        Assert.NotNull(throttle.RetryAfter("AbCdEf", "a"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void ClientAddress_KeysIPv4AsIs_AndIPv6ByItsSlash64(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));
}
