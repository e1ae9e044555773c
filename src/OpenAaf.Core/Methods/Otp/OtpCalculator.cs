using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenAaf.Core.Methods.Otp;

/// <summary>HOTP (RFC 4226 §5) and therefore TOTP (RFC 6238 §4: HOTP of the time step) with the platform HMAC.</summary>
public static class OtpCalculator
{
    public const int MinDigits = 6;
    public const int MaxDigits = 8;

    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>The code as a string of exactly <paramref name="digits"/> digits: leading zeros are part of it.</summary>
    public static string Compute(ReadOnlySpan<byte> secret, long counter, int digits, OtpAlgorithm algorithm = OtpAlgorithm.Sha1)
    {
        Span<char> code = stackalloc char[MaxDigits];
        Write(secret, counter, digits, algorithm, code);
        return new string(code[..digits]);
    }

    /// <summary>
    /// True when <paramref name="code"/> (already checked to be <paramref name="digits"/> ASCII digits) is the code
    /// for <paramref name="counter"/>; compared in constant time (methods.md §1.3).
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> secret, long counter, int digits, OtpAlgorithm algorithm, ReadOnlySpan<char> code)
    {
        if (code.Length != digits) return false;
        Span<char> expected = stackalloc char[MaxDigits];
        Write(secret, counter, digits, algorithm, expected);
        Span<byte> a = stackalloc byte[MaxDigits];
        Span<byte> b = stackalloc byte[MaxDigits];
        for (var i = 0; i < digits; i++)
        {
            a[i] = (byte)expected[i];
            b[i] = (byte)code[i];
        }
        return CryptographicOperations.FixedTimeEquals(a[..digits], b[..digits]);
    }

    private static void Write(ReadOnlySpan<byte> secret, long counter, int digits, OtpAlgorithm algorithm, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
        // RFC 4226 §5.2: the counter is an 8-byte big-endian value.
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hmac = stackalloc byte[64];
        var length = algorithm switch
        {
            OtpAlgorithm.Sha1 => HMACSHA1.HashData(secret, message, hmac),
            OtpAlgorithm.Sha256 => HMACSHA256.HashData(secret, message, hmac),
            OtpAlgorithm.Sha512 => HMACSHA512.HashData(secret, message, hmac),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        // RFC 4226 §5.3 dynamic truncation: the low nibble of the last byte picks 4 bytes; drop the sign bit.
        var offset = hmac[length - 1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hmac.Slice(offset, 4)) & 0x7fffffff;
        var value = binary % PowersOfTen[digits];
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
        CryptographicOperations.ZeroMemory(hmac);
    }
}
