namespace OpenAaf.Server.Configuration;

/// <summary>The server certificate: a PFX (with <see cref="Password"/>) or a PEM certificate with its <see cref="KeyPath"/>.</summary>
public sealed record HttpsSettings(string CertificatePath, string? Password, string? KeyPath)
{
    public bool IsPem => KeyPath is not null;
}
