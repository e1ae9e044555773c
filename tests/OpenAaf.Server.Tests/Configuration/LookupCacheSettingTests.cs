using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary><c>lookupCacheSeconds</c> of an LDAP/AD repository: 5 by default, 0 turns the cache off, negative is an error.</summary>
public sealed class LookupCacheSettingTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Config(string extra) => $$"""
        { "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindDn": "b", "bindPassword": "p"{{extra}} } ] } }
        """;

    [Theory]
    [InlineData("", 5)]
    [InlineData(""", "lookupCacheSeconds": 0""", 0)]
    [InlineData(""", "lookupCacheSeconds": 30""", 30)]
    public void Reads_the_lifetime(string extra, int expected)
    {
        var result = _dir.Load(Config(extra));
        ConfigAssert.Valid(result);
        Assert.Equal(expected, result.Document!.Repositories.Single(r => r.Name == "J").LookupCacheSeconds);
    }

    [Fact]
    public void Refuses_a_negative_lifetime() =>
        ConfigAssert.SingleError(_dir.Load(Config(""", "lookupCacheSeconds": -1""")), "bootstrap.repositories[0].lookupCacheSeconds", "must be 0 or greater");
}
