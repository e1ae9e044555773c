using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods;

/// <summary>The services every method step gets in its context: secrets, randomness, the public URL.</summary>
public sealed record MethodServices(TemplateSecrets Secrets, IRandomSource Random, IPublicUrlSource PublicUrl);

/// <summary>The server's public base URL: <c>PublicUrlOptions.site_urls[""]</c>, else the first address it listens on.</summary>
public interface IPublicUrlSource
{
    string Current { get; }
}
