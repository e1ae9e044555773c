using OpenAaf.Core.Security;

namespace OpenAaf.Core.Templates;

/// <summary>
/// Seals and opens the secret payload of templates (OTP seeds, key material) with AES-GCM under the master
/// key. The associated data binds a payload to its user and method, so a payload copied into another user's
/// template does not open. Sealing happens at enrolment only: logons keep their counters in
/// <see cref="Template.LogonState"/>, since every seal spends one random nonce of the key's budget.
/// </summary>
public sealed class TemplateSecrets(SecretProtector protector)
{
    public byte[] Seal(string userId, string methodId, ReadOnlySpan<byte> plaintext) =>
        protector.Protect(plaintext, Purpose(userId, methodId));

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the payload was tampered with or moved.</summary>
    public byte[] Open(Template template) => protector.Unprotect(template.Secret, Purpose(template.UserId, template.MethodId));

    private static string Purpose(string userId, string methodId) => $"template:{userId}:{methodId}";
}
