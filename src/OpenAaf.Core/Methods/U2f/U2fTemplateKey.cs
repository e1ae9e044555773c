using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>A U2F template with its opened key payload, the counter of its logon state applied.</summary>
internal sealed record U2fTemplateKey(Template Template, U2fKey Key)
{
    /// <summary>
    /// Opens every template. A payload that does not open (wrong master key, tampering) throws: that is an
    /// outage or an attack, not a wrong answer, and must not silently shrink the user's key list.
    /// </summary>
    public static IReadOnlyList<U2fTemplateKey> OpenAll(TemplateSecrets secrets, IEnumerable<Template> templates) =>
        templates.Select(t => new U2fTemplateKey(t, Open(secrets, t))).ToList();

    /// <summary>The template's key; its counter is the logon state's once a logon has written one.</summary>
    public static U2fKey Open(TemplateSecrets secrets, Template template)
    {
        var key = U2fKey.FromPayload(secrets.Open(template));
        return TemplateLogonState.Read<U2fLogonState>(template) is { } state ? key with { Counter = state.Counter } : key;
    }

    /// <summary>The template with the counter of a successful logon, for compare-and-set; the sealed secret stays as it is.</summary>
    public Template WithCounter(uint counter) => TemplateLogonState.With(Template, new U2fLogonState(counter));
}
