using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>A U2F template with its opened key payload.</summary>
internal sealed record U2fTemplateKey(Template Template, U2fKey Key)
{
    /// <summary>
    /// Opens every template. A payload that does not open (wrong master key, tampering) throws: that is an
    /// outage or an attack, not a wrong answer, and must not silently shrink the user's key list.
    /// </summary>
    public static IReadOnlyList<U2fTemplateKey> OpenAll(TemplateSecrets secrets, IEnumerable<Template> templates) =>
        templates.Select(t => new U2fTemplateKey(t, U2fKey.FromPayload(secrets.Open(t)))).ToList();

    /// <summary>The template with the counter of a successful logon, sealed again for compare-and-set.</summary>
    public Template WithCounter(TemplateSecrets secrets, uint counter) =>
        Template with { Secret = secrets.Seal(Template.UserId, Template.MethodId, (Key with { Counter = counter }).ToPayload()) };
}
