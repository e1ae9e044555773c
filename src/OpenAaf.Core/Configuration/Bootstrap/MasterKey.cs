using System.Security.Cryptography;
using System.Text;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// The 32-byte key under which secrets are kept at rest. It comes from the configuration
/// (<c>security.masterKey</c>) or, when absent, from <c>&lt;data dir&gt;/master.key</c>, generated once.
/// A check value in <see cref="IMetadataStore"/> catches a key that does not belong to the data.
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;
    public const string FileName = "master.key";
    internal const string CheckKey = "master-key-check";
    private const string CheckPurpose = "master-key-check";
    private const string CheckPlaintext = "OpenAAF master key check v1";

    private readonly byte[] _key;

    public MasterKey(byte[] key)
    {
        if (key.Length != Size) throw new ArgumentException($"The master key must be {Size} bytes.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Parses base64 text of 32 bytes; null when the text is not that (the caller reports the error).</summary>
    public static MasterKey? TryParse(string text)
    {
        var buffer = new byte[Size + 3];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == Size
            ? new MasterKey(buffer[..Size])
            : null;
    }

    /// <summary>
    /// The configured key when there is one, else the key file of the data directory, created with the
    /// CSPRNG (mode 0600) on first start and reused afterwards.
    /// </summary>
    public static MasterKey LoadOrCreate(string? configuredBase64, string dataDirectory)
    {
        if (configuredBase64 is not null)
            return TryParse(configuredBase64)
                ?? throw new InvalidOperationException("security.masterKey is not the base64 text of 32 bytes.");
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path)) TryCreateFile(path);
        return TryParse(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} does not hold the base64 text of a 32-byte key.");
    }

    public SecretProtector CreateProtector() => new(_key);

    /// <summary>A sub-key for one purpose (HKDF-SHA256), so the master key itself is used only for AES-GCM.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>
    /// Stores the check value on first start; afterwards throws <see cref="MasterKeyMismatchException"/>
    /// when this key cannot decrypt it (wrong key, or data of another installation).
    /// </summary>
    public async Task VerifyAsync(IMetadataStore metadata, CancellationToken cancellationToken)
    {
        var protector = CreateProtector();
        var stored = await metadata.GetAsync(CheckKey, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await metadata.SetAsync(CheckKey, protector.ProtectString(CheckPlaintext, CheckPurpose), cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        try
        {
            if (protector.UnprotectString(stored, CheckPurpose) == CheckPlaintext) return;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Note: falls through to the one clear error below; the cause is always the same for the operator.
        }
        throw new MasterKeyMismatchException(
            "The master key does not match the data: the stored check value cannot be decrypted with it. " +
            "Configure the key this data was written with (security.masterKey or the master.key file of the data directory).");
    }

    private static void TryCreateFile(string path)
    {
        try
        {
            // Note: create-new, so two processes starting at once cannot overwrite each other's key.
            PrivateFile.WriteNew(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size)) + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: that key is the one to use.
        }
    }
}
