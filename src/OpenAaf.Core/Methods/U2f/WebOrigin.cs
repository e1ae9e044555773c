namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// A normalised web origin (methods.md §9.5): scheme and host lower-case, IDN hosts as punycode, the
/// default port dropped, no path. <c>https://Portal.Example.com:443/</c> is <c>https://portal.example.com</c>.
/// </summary>
internal sealed record WebOrigin(string Scheme, string Host, int Port, bool IsDefaultPort)
{
    /// <summary>
    /// The origin of an absolute http(s) URL; null for anything else, for URLs with user info (a classic way
    /// to make <c>https://example.com@evil.net</c> look trusted) and for http unless <paramref name="allowHttp"/>.
    /// </summary>
    public static WebOrigin? Parse(string? url, bool allowHttp)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp)) return null;
        if (uri.UserInfo.Length > 0 || uri.Host.Length == 0) return null;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return new WebOrigin(uri.Scheme, host.ToLowerInvariant(), uri.Port, uri.IsDefaultPort);
    }

    public override string ToString() => IsDefaultPort ? $"{Scheme}://{Host}" : $"{Scheme}://{Host}:{Port}";
}
