using OpenAaf.Core.Configuration;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods;

/// <summary>What a method may look at while it handles one step.</summary>
public sealed record MethodContext
{
    public required AuthenticatedUser User { get; init; }
    /// <summary>The user's templates for this method that the event and requested category allow; never empty.</summary>
    public required IReadOnlyList<Template> Templates { get; init; }
    /// <summary>
    /// The configuration snapshot the whole request runs under, taken once by the engine: a method reads repositories and
    /// policies from here, never from the live configuration, so a change in the middle of a request cannot mix two.
    /// </summary>
    public required ConfigurationSnapshot Configuration { get; init; }
    public PolicySet Policies => Configuration.Policies;
    /// <summary>The method's own state from its previous step in this process; null at its first step.</summary>
    public string? State { get; init; }
    public required TimeProvider Time { get; init; }
    public IRandomSource Random { get; init; } = CryptographicRandomSource.Instance;
    /// <summary>Opens template secrets; null only for methods that keep none (LDAP_PASSWORD, PASSWORD).</summary>
    public TemplateSecrets? Secrets { get; init; }
    /// <summary>The server's public base URL (PublicUrlOptions, else the first listening address).</summary>
    public string PublicUrl { get; init; } = "";
}
