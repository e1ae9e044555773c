using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>Every rule reports the path of the offending value; one file reports all its errors at once.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_ManyMistakes_ReportsEveryOneOfThem()
    {
        var result = _dir.Load("""
            {
              "storage": { "provider": "oracle", "colour": "blue" },
              "extra": 1,
              "bootstrap": {
                "repositories": [ { "name": "JAGUAR", "type": "ldap", "url": "http://x", "baseDn": "dc=x", "bindDn": "cn=y", "bindPassword": "p" } ],
                "chains": [
                  { "name": "A", "methods": ["PASSWORD:1"] },
                  { "name": "B", "methods": ["FOO:1", "SMARTPHONE:1"], "requiredChain": "Z", "riskLevel": "HIGH" }
                ],
                "events": [ { "name": "E", "chains": ["A", "Q"], "scope": "everyone" } ],
                "endpoints": [ { "id": "xyz", "name": "ep" } ],
                "policies": { "LockoutOptions": { "lock_in_repo": true }, "Nope": {} }
              }
            }
            """);

        Assert.Equal(
        [
            "storage.provider: unknown provider \"oracle\" (sqlite)",
            "storage.colour: unknown key",
            "bootstrap.repositories[0].url: \"http://x\" is not an ldap:// or ldaps:// URL",
            "bootstrap.chains[1].methods[0]: unknown method id \"FOO:1\"",
            "bootstrap.chains[1].methods[1]: method \"SMARTPHONE:1\" is not supported by OpenAAF",
            "bootstrap.chains[1].riskLevel: only \"NONE\" is supported",
            "bootstrap.chains[1].requiredChain: unknown chain \"Z\"",
            "bootstrap.endpoints[0].id: must be 32 hexadecimal characters",
            "bootstrap.endpoints[0].secret: is required",
            "bootstrap.events[0].chains[1]: unknown chain \"Q\"",
            "bootstrap.events[0].scope: unknown scope \"everyone\" (self, helpdesk or none)",
            "bootstrap.policies.Nope: unknown policy component \"Nope\"",
            "bootstrap.policies.LockoutOptions.lock_in_repo: true is not supported in this version",
            "extra: unknown key",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("""{ "storage": { "provider": "postgres" } }""", "storage.provider", "not available in this version")]
    [InlineData("""{ "https": { "certificate": "missing.pfx" } }""", "https.certificate", "file not found")]
    [InlineData("""{ "bootstrap": { "tenants": [ { "name": "OTHER" } ] } }""", "bootstrap.tenants[0].name", "only the tenant TOP")]
    [InlineData("""{ "bootstrap": { "tenants": [ { "name": "TOP", "id": "00000000000000000000000000000000" } ] } }""", "bootstrap.tenants[0].id", "def0def0")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindDn": "b", "bindPassword": "p", "tenant": "X" } ] } }""", "bootstrap.repositories[0].tenant", "unknown tenant")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "nis" } ] } }""", "bootstrap.repositories[0].type", "unknown repository type")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "baseDn": "d", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].url", "is required")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ad", "url": ["ldaps://a", "ftp://b"], "baseDn": "d", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].url[1]", "not an ldap://")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ad", "url": [], "baseDn": "d", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].url", "at least one server")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].baseDn", "is required")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].bindDn", "is required")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldaps://h", "startTls": true, "baseDn": "d", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].startTls", "already TLS")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindDn": "b", "bindPassword": "p", "userFilter": "(uid=x)" } ] } }""", "bootstrap.repositories[0].userFilter", "{0}")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "J", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindDn": "b", "bindPassword": "p", "caCertificate": "no.pem" } ] } }""", "bootstrap.repositories[0].caCertificate", "file not found")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "LOCAL", "type": "ldap", "url": "ldap://h", "baseDn": "d", "bindDn": "b", "bindPassword": "p" } ] } }""", "bootstrap.repositories[0].type", "LOCAL repository is of type local")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "HOME", "type": "local" } ] } }""", "bootstrap.repositories[0].type", "only for the repository named LOCAL")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "LOCAL", "type": "local", "baseDn": "x" } ] } }""", "bootstrap.repositories[0].baseDn", "not allowed for a local repository")]
    [InlineData("""{ "bootstrap": { "repositories": [ { "name": "LOCAL" }, { "name": "local" } ] } }""", "bootstrap.repositories[1].name", "duplicate repository name")]
    [InlineData("""{ "bootstrap": { "users": [ { "repository": "JAGUAR", "name": "x" } ] } }""", "bootstrap.users[0].repository", "only be declared in the LOCAL repository")]
    [InlineData("""{ "bootstrap": { "users": [ { "name": "a" }, { "name": "A" } ] } }""", "bootstrap.users[1].name", "duplicate user name")]
    [InlineData("""{ "bootstrap": { "users": [ { "name": "a", "groups": "FULL ADMINS" } ] } }""", "bootstrap.users[0].groups", "expected an array of strings")]
    [InlineData("""{ "bootstrap": { "users": [ { "name": "a", "password": "" } ] } }""", "bootstrap.users[0].password", "must not be empty")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": [] } ] } }""", "bootstrap.chains[0].methods", "at least one method")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A" } ] } }""", "bootstrap.chains[0].methods", "is required")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1", "TOTP:1"] } ] } }""", "bootstrap.chains[0].methods[1]", "duplicate method")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"], "mfaTags": ["x"] } ] } }""", "bootstrap.chains[0].mfaTags", "only []")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"], "requiredChain": "a" } ] } }""", "bootstrap.chains[0].requiredChain", "cannot require itself")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"], "gracePeriodHours": 4 } ] } }""", "bootstrap.chains[0].gracePeriodHours", "only for a linked chain")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"], "groups": ["NOPE\\G"] } ] } }""", "bootstrap.chains[0].groups[0]", "unknown repository \"NOPE\"")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"] }, { "name": "a", "methods": ["TOTP:1"] } ] } }""", "bootstrap.chains[1].name", "duplicate chain name")]
    [InlineData("""{ "bootstrap": { "chains": [ { "name": "A", "methods": ["TOTP:1"], "enabled": "yes" } ] } }""", "bootstrap.chains[0].enabled", "expected true or false")]
    [InlineData("""{ "bootstrap": { "categories": [ { "id": "", "name": "x" } ] } }""", "bootstrap.categories[0].id", "implicit")]
    [InlineData("""{ "bootstrap": { "categories": [ { "id": "1" }, { "id": "1" } ] } }""", "bootstrap.categories[1].id", "duplicate category id")]
    [InlineData("""{ "bootstrap": { "events": [ { "name": "E", "categories": ["0002"] } ] } }""", "bootstrap.events[0].categories[0]", "unknown category \"0002\"")]
    [InlineData("""{ "bootstrap": { "events": [ { "name": "E" }, { "name": "e" } ] } }""", "bootstrap.events[1].name", "duplicate event name")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "name": "x", "secret": "" } ] } }""", "bootstrap.endpoints[0].secret", "must not be empty")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "name": "x", "secret": "s", "owner": "ADMIN" } ] } }""", "bootstrap.endpoints[0].owner", "REPO\\name")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "name": "x", "secret": "s", "owner": "NOPE\\ADMIN" } ] } }""", "bootstrap.endpoints[0].owner", "unknown repository")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "name": "x", "secret": "s" }, { "name": "X", "secret": "s" } ] } }""", "bootstrap.endpoints[1].name", "duplicate endpoint name")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "id": "41414141414141414141414141414141", "name": "x", "secret": "s" }, { "id": "41414141414141414141414141414141", "name": "y", "secret": "s" } ] } }""", "bootstrap.endpoints[1].id", "duplicate endpoint id")]
    [InlineData("""{ "bootstrap": { "endpoints": [ { "name": "x", "secret": "s", "Name": "y" } ] } }""", "bootstrap.endpoints[0].name", "more than once")]
    [InlineData("""{ "bootstrap": { "users": [ { "name": "x", "nickname": "y" } ] } }""", "bootstrap.users[0].nickname", "unknown key")]
    [InlineData("""{ "bootstrap": { "chains": {} } }""", "bootstrap.chains", "expected an array")]
    public void Load_OneMistake_IsReportedAtItsPath(string json, string path, string message) =>
        ConfigAssert.SingleError(_dir.Load(json), path, message);

    [Fact]
    public void Load_ValidLinkedChainsAndOwner_AreAccepted() =>
        ConfigAssert.Valid(_dir.Load("""
            { "bootstrap": {
                "chains": [ { "name": "B", "methods": ["U2F:1"], "requiredChain": "A", "gracePeriodHours": 8, "groups": ["LOCAL\\FULL ADMINS", "Staff"] },
                            { "name": "A", "methods": ["TOTP:1", "PASSWORD:1"], "riskLevel": "NONE", "mfaTags": [] } ],
                "endpoints": [ { "name": "x", "secret": "s", "owner": "LOCAL\\ADMIN", "typ": "3" } ],
                "events": [ { "name": "E", "chains": ["A", "B"], "allCategories": false, "categories": [""] } ] } }
            """));
}
