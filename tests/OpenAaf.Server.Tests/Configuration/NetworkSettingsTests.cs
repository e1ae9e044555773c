using System.Net;
using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary><c>network.trustedProxies</c>: addresses and CIDR networks, each checked, none by default.</summary>
public sealed class NetworkSettingsTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TrustedProxies_AddressesAndNetworks_AreRead()
    {
        var result = _dir.Load("""{ "network": { "trustedProxies": ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"] } }""");

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(
            [IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fd00::/8")],
            result.Settings.TrustedProxies);
    }

    [Fact]
    public void TrustedProxies_Absent_TrustsNobody()
    {
        var result = _dir.Load("{}");

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Empty(result.Settings.TrustedProxies);
    }

    [Theory]
    [InlineData("""{ "network": { "trustedProxies": ["127.0.0.1", "proxy.example"] } }""", "network.trustedProxies[1]", "not an IP address or a network")]
    [InlineData("""{ "network": { "trustedProxies": ["10.0.0.1/8"] } }""", "network.trustedProxies[0]", "not an IP address or a network")]
    [InlineData("""{ "network": { "trustedProxies": ["10.0.0.0/33"] } }""", "network.trustedProxies[0]", "not an IP address or a network")]
    [InlineData("""{ "network": { "trustedProxies": "127.0.0.1" } }""", "network.trustedProxies", "expected an array of strings")]
    [InlineData("""{ "network": { "proxies": [] } }""", "network.proxies", "unknown key")]
    public void TrustedProxies_Mistakes_AreReportedAtTheirPath(string json, string path, string message) =>
        ConfigAssert.SingleError(_dir.Load(json), path, message);
}
