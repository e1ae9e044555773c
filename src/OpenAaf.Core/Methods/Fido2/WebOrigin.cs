namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// Origin normalisation of methods.md §9.5: scheme and host lower-cased (IDN hosts as punycode), default
/// port removed, no path. Origins are then compared for exact equality, never by prefix or suffix.
/// </summary>
public static class WebOrigin
{
    /// <summary>The normalised origin, or null when <paramref name="text"/> is not an http(s) origin (a path other than "/" included).</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0) return null;
        return Of(uri);
    }

    /// <summary>The normalised origin of a URL that may have a path (the public URL); null when it is not http(s).</summary>
    public static string? OriginOf(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Of(uri) : null;

    private static string? Of(Uri uri)
    {
        if (uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0 || uri.IdnHost.Length == 0) return null;
        var host = (uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost).ToLowerInvariant();
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>The host of a URL in lower case (the default RP id of methods.md §13); null when there is none.</summary>
    public static string? HostOf(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0
            ? uri.IdnHost.ToLowerInvariant()
            : null;
}
