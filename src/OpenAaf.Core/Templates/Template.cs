namespace OpenAaf.Core.Templates;

/// <summary>
/// An enrolled authenticator of a user for one method. <see cref="Secret"/> is opaque to the stores
/// (already encrypted or hashed by Core); <see cref="Data"/> is the non-secret display JSON.
/// </summary>
public sealed record Template
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string MethodId { get; init; }
    public string CategoryId { get; init; } = "";
    public string Comment { get; init; } = "";
    /// <summary>Non-secret, method-specific JSON object returned by the template list.</summary>
    public string Data { get; init; } = "{}";
    /// <summary>Method-private payload: a password hash, or AES-GCM ciphertext of a secret.</summary>
    public byte[] Secret { get; init; } = [];
    /// <summary>
    /// Non-secret, method-specific JSON object that logons change (replay counters), kept apart from
    /// <see cref="Secret"/> so that a logon never seals again; null until the first logon after the secret
    /// was sealed (<see cref="TemplateLogonState"/>).
    /// </summary>
    public string? LogonState { get; init; }
    public bool AutoCreated { get; init; }
    public DateTimeOffset Created { get; init; }
    /// <summary>Bumped by every update; updates are compare-and-set on it.</summary>
    public long Version { get; init; }
}
