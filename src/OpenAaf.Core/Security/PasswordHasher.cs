using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace OpenAaf.Core.Security;

/// <summary>
/// Argon2id password hashes as PHC strings (methods.md §1.3):
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>. Parameters travel with the hash, so they can change.
/// </summary>
public sealed class PasswordHasher
{
    public const int DefaultMemoryKiB = 19456;
    public const int DefaultIterations = 2;
    public const int DefaultParallelism = 1;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    private readonly int _memoryKiB;
    private readonly int _iterations;
    private readonly int _parallelism;

    public PasswordHasher(int memoryKiB = DefaultMemoryKiB, int iterations = DefaultIterations, int parallelism = DefaultParallelism)
    {
        _memoryKiB = memoryKiB;
        _iterations = iterations;
        _parallelism = parallelism;
    }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Compute(password, salt, _memoryKiB, _iterations, _parallelism, HashSize);
        return $"$argon2id$v=19$m={_memoryKiB},t={_iterations},p={_parallelism}${B64(salt)}${B64(hash)}";
    }

    /// <summary>Constant-time verification; a malformed stored hash never verifies.</summary>
    public bool Verify(string password, string phc)
    {
        if (!TryParse(phc, out var m, out var t, out var p, out var salt, out var expected)) return false;
        var actual = Compute(password, salt, m, t, p, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the hash was made with other parameters than this hasher's: re-hash after a good logon.</summary>
    public bool NeedsRehash(string phc) =>
        !TryParse(phc, out var m, out var t, out var p, out _, out _) || m != _memoryKiB || t != _iterations || p != _parallelism;

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt, MemorySize = memoryKiB, Iterations = iterations, DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static bool TryParse(string phc, out int m, out int t, out int p, out byte[] salt, out byte[] hash)
    {
        m = t = p = 0;
        salt = hash = [];
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19") return false;
        foreach (var kv in parts[3].Split(','))
        {
            var pair = kv.Split('=');
            if (pair.Length != 2 || !int.TryParse(pair[1], out var value) || value <= 0) return false;
            switch (pair[0])
            {
                case "m": m = value; break;
                case "t": t = value; break;
                case "p": p = value; break;
                default: return false;
            }
        }
        if (m == 0 || t == 0 || p == 0 || m > 1 << 22 || t > 64 || p > 16) return false;
        try
        {
            salt = UnB64(parts[4]);
            hash = UnB64(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= 8 && hash.Length >= 16;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] UnB64(string text) => Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
}
