using System.Security.Cryptography;
using System.Buffers.Binary;

namespace OpenAaf.Bench.Load;

/// <summary>RFC 6238 codes (HMAC-SHA1, 6 digits) for the load users, and the base32 text the enrollment takes.</summary>
internal static class TotpCodes
{
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, mac);
        var offset = mac[19] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff) % 1_000_000;
        return value.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }
}
