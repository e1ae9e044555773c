using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// Which origins may answer for an appId, and which appIds may be registered (methods.md §9.5). Matching is
/// exact origin equality, never string-prefix matching, whatever the vendor's field name
/// <c>facets_prefixes</c> suggests: a prefix match lets <c>https://example.com.evil.net</c> pass.
/// </summary>
internal static class U2fFacets
{
    /// <summary>
    /// True when <paramref name="origin"/> is in F(app_id) = { origin of app_id } ∪ facets_prefixes ∪ the https
    /// origins under facets_primary_suffx.
    /// </summary>
    public static bool IsAllowedFacet(string origin, string appId, U2fMethodOptions options)
    {
        if (WebOrigin.Parse(origin, options.AllowHttp) is not { } candidate) return false;
        return candidate == WebOrigin.Parse(appId, options.AllowHttp) || IsConfigured(candidate, options);
    }

    /// <summary>
    /// An appId may be registered when it is an https URL (http only with allow_http) whose origin is the
    /// public URL's origin, one of facets_prefixes, or under facets_primary_suffx.
    /// </summary>
    public static bool IsAllowedAppId(string appId, string publicUrl, U2fMethodOptions options)
    {
        if (WebOrigin.Parse(appId, options.AllowHttp) is not { } origin) return false;
        return origin == WebOrigin.Parse(publicUrl, options.AllowHttp) || IsConfigured(origin, options);
    }

    private static bool IsConfigured(WebOrigin origin, U2fMethodOptions options)
    {
        foreach (var prefix in options.FacetsPrefixes)
            if (origin == WebOrigin.Parse(prefix, options.AllowHttp)) return true;
        return UnderPrimarySuffix(origin, options.FacetsPrimarySuffx);
    }

    // The host equals the suffix or ends with "." + suffix: the dot boundary keeps evil-example.com out of example.com.
    private static bool UnderPrimarySuffix(WebOrigin origin, string suffix)
    {
        suffix = suffix.Trim().TrimStart('.').ToLowerInvariant();
        if (suffix.Length == 0 || origin.Scheme != Uri.UriSchemeHttps) return false;
        return origin.Host == suffix || origin.Host.EndsWith("." + suffix, StringComparison.Ordinal);
    }
}
