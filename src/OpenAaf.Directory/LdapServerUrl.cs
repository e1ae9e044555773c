namespace OpenAaf.Directory;

/// <summary>One entry of a repository's <c>Urls</c>: <c>ldap://host[:port]</c> or <c>ldaps://host[:port]</c>.</summary>
internal sealed record LdapServerUrl(string Original, string Host, int Port, bool UseSsl)
{
    public static LdapServerUrl Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"Not an LDAP URL: '{url}'.", nameof(url));
        var ssl = uri.Scheme.ToLowerInvariant() switch
        {
            "ldap" => false,
            "ldaps" => true,
            _ => throw new ArgumentException($"Unsupported scheme in '{url}': use ldap:// or ldaps://.", nameof(url)),
        };
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (ssl ? 636 : 389) : uri.Port;
        // IPv6 literals keep their brackets in Uri.Host; libldap wants them without.
        return new LdapServerUrl(url, uri.Host.Trim('[', ']'), port, ssl);
    }

    public override string ToString() => $"{(UseSsl ? "ldaps" : "ldap")}://{Host}:{Port}";
}
