using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Hosting;

/// <summary>PublicUrlOptions.site_urls[""] when configured, else the first address the server listens on.</summary>
public sealed class ServerPublicUrl(IConfigurationSource configuration, IServer server) : IPublicUrlSource
{
    public string Current =>
        configuration.Current.Policies.PublicUrl.SiteUrls.TryGetValue("", out var configured) && configured.Length > 0
            ? configured.TrimEnd('/')
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? OpenAafHost.DefaultUrl;
}
