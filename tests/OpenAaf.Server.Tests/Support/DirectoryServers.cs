using System.Text.Json.Nodes;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Support;

/// <summary>Configurations that put the real test directories behind the server, shaped like the seed samples.</summary>
public static class DirectoryServers
{
    /// <summary>
    /// Chains and events of the seeds: "LDAP + Fingerprint" at position 1 of "Authenticators Management"
    /// (position 0 is a chain for a group nobody is in), and "LDAP only" on "Search Card".
    /// </summary>
    public static JsonObject Bootstrap(JsonObject repository, params JsonObject[] more)
    {
        var repositories = new JsonArray(new JsonObject { ["name"] = "LOCAL", ["type"] = "local" }, repository);
        foreach (var r in more) repositories.Add(r);
        return OpenAafFactory.Bootstrap(
            new JsonArray(
                new JsonObject { ["name"] = "Auditors only", ["methods"] = new JsonArray("LDAP_PASSWORD:1"), ["groups"] = new JsonArray("auditors") },
                new JsonObject { ["name"] = "LDAP + Fingerprint", ["methods"] = new JsonArray("LDAP_PASSWORD:1", "FINGER:1") },
                new JsonObject { ["name"] = "LDAP only", ["methods"] = new JsonArray("LDAP_PASSWORD:1"), ["imageName"] = "U2F_1.png" }),
            new JsonArray(
                new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Auditors only", "LDAP + Fingerprint") },
                new JsonObject { ["name"] = "Search Card", ["chains"] = new JsonArray("Auditors only", "LDAP + Fingerprint", "LDAP only") },
                new JsonObject { ["name"] = "Self Service", ["chains"] = new JsonArray("LDAP only"), ["scope"] = "self" }),
            repositories);
    }

    public static JsonObject Slapd(SlapdFixture slapd, string name = "EXAMPLE", params string[] urls) => new()
    {
        ["name"] = name,
        ["type"] = "ldap",
        ["url"] = urls.Length > 0 ? new JsonArray(urls.Select(u => (JsonNode)u).ToArray()) : slapd.Url,
        ["baseDn"] = SlapdFixture.BaseDn,
        ["bindDn"] = SlapdFixture.ServiceDn,
        ["bindPassword"] = SlapdFixture.ServicePassword,
        ["userFilter"] = "(|(uid={0})(sAMAccountName={0}))",
        ["timeoutSeconds"] = 5,
    };

    public static JsonObject Samba() => new()
    {
        ["name"] = SambaAdFixture.NetBiosName,
        ["type"] = "ad",
        ["url"] = SambaAdFixture.Url,
        ["baseDn"] = SambaAdFixture.BaseDn,
        ["bindDn"] = SambaAdFixture.ServiceDn,
        ["bindPassword"] = SambaAdFixture.ServicePassword,
        ["timeoutSeconds"] = 10,
    };
}
