namespace OpenAaf.Core.Methods.Otp;

/// <summary>
/// Base32 of RFC 4648 §6, the encoding of OTP secrets in key URIs and authenticator apps. Decoding is
/// tolerant as methods.md §5.2 asks: any case, spaces and <c>=</c> anywhere are ignored.
/// </summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Upper case without padding, as key URIs carry it.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var output = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, o = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output[o++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) output[o++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(output, 0, o);
    }

    /// <summary>Null for a character outside the alphabet or a length no encoder produces (a lost or extra character).</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        var output = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, o = 0, symbols = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=') continue;
            var value = ValueOf(c);
            if (value < 0) return null;
            symbols++;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            output[o++] = (byte)(buffer >> (bits - 8));
            bits -= 8;
        }
        // RFC 4648 §6: a final quantum has 2, 4, 5 or 7 symbols; 1, 3 or 6 cannot encode whole bytes.
        if (symbols % 8 is 1 or 3 or 6) return null;
        return output.AsSpan(0, o).ToArray();
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };
}
