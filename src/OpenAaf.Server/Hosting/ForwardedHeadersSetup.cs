using Microsoft.AspNetCore.HttpOverrides;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from <c>network.trustedProxies</c>. The client address
/// they yield keys the endpoint-hash throttle, so a header any client can send must not choose it.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddOpenAafForwardedHeaders(this IServiceCollection services, IReadOnlyList<System.Net.IPNetwork> trustedProxies) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Note: with no known proxy at all the middleware would believe every peer, so no proxy means no headers.
            options.ForwardedHeaders = trustedProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Note: ASP.NET Core trusts loopback by default; here only the configured proxies are trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trustedProxies) options.KnownIPNetworks.Add(proxy);
            // Walk back through any chain of trusted proxies; the first hop that is not one is the client.
            options.ForwardLimit = null;
        });
}
