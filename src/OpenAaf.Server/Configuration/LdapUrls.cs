using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads a repository's <c>url</c>: one ldap:// or ldaps:// URL, or an array of them tried in order (failover).</summary>
internal static class LdapUrls
{
    public static IReadOnlyList<string> Read(ConfigObject repo)
    {
        var path = repo.PathOf("url");
        var node = repo.Node("url");
        if (node is null)
        {
            repo.Errors.Add(path, "is required for an ldap or ad repository");
            return [];
        }
        var urls = node is JsonArray ? repo.Strings("url") : repo.String("url") is { } one ? [one] : null;
        if (urls is null) return [];
        if (urls.Count == 0) repo.Errors.Add(path, "must name at least one server");
        for (var i = 0; i < urls.Count; i++)
        {
            var itemPath = node is JsonArray ? ConfigPath.Index(path, i) : path;
            if (!IsLdapUrl(urls[i])) repo.Errors.Add(itemPath, $"\"{urls[i]}\" is not an ldap:// or ldaps:// URL");
        }
        return urls;
    }

    private static bool IsLdapUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "ldap" or "ldaps"
        && uri.Host.Length > 0;
}
