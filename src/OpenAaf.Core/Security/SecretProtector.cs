using System.Security.Cryptography;
using System.Text;

namespace OpenAaf.Core.Security;

/// <summary>
/// AES-256-GCM under the master key for secrets kept at rest (endpoint secrets, authenticator seeds).
/// Layout: version byte 1 | 12-byte nonce | 16-byte tag | ciphertext. The associated data binds a
/// ciphertext to its purpose, so a secret cannot be moved to another record.
/// </summary>
public sealed class SecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The master key must be 32 bytes.", nameof(masterKey));
        _key = masterKey.ToArray();
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize),
            Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> for a wrong key or tampered data: never a silent wrong value.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        if (protectedData.Length < 1 + NonceSize + TagSize || protectedData[0] != FormatVersion)
            throw new CryptographicException("Protected data has an unknown format.");
        var plaintext = new byte[protectedData.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedData.Slice(1, NonceSize), protectedData[(1 + NonceSize + TagSize)..],
            protectedData.Slice(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }

    public string ProtectString(string plaintext, string purpose) =>
        Convert.ToBase64String(Protect(Encoding.UTF8.GetBytes(plaintext), purpose));

    public string UnprotectString(string protectedText, string purpose) =>
        Encoding.UTF8.GetString(Unprotect(Convert.FromBase64String(protectedText), purpose));
}
