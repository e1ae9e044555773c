using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>A FIDO2:1 template with its opened secret payload.</summary>
public sealed record StoredCredential(Template Template, Fido2Credential Credential);
