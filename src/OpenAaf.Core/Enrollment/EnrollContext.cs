using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Enrollment;

/// <summary>What an enrollment step may look at.</summary>
public sealed record EnrollContext
{
    /// <summary>The user the authenticator is for; null while the process is unbound (api.md §7.1).</summary>
    public AuthenticatedUser? User { get; init; }
    /// <summary>
    /// The owner of the login session driving the enrollment, while the process is unbound (null once bound): a
    /// method that binds to the session owner (FIDO2:1, methods.md §10.4) names them in <see cref="EnrollStep.MoreData"/>.
    /// </summary>
    public AuthenticatedUser? SessionUser { get; init; }
    /// <summary>The template being modified (<c>auth_t_id</c>: HOTP resync, fingerprint add/remove); null for a new one.</summary>
    public Template? Existing { get; init; }
    /// <summary>The user's other templates of this method (duplicate keys, duplicate fingers); empty while unbound.</summary>
    public IReadOnlyList<Template> OtherTemplates { get; init; } = [];
    public required PolicySet Policies { get; init; }
    /// <summary>The method's own state from its previous step; null at its first step (and after a failure).</summary>
    public string? State { get; init; }
    public required TimeProvider Time { get; init; }
    public required IRandomSource Random { get; init; }
    public required TemplateSecrets Secrets { get; init; }
    /// <summary>The server's public base URL (PublicUrlOptions, else the first listening address): default appId, rpId, origin.</summary>
    public required string PublicUrl { get; init; }
}
