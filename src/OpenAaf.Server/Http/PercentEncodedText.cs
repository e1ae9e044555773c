using System.Buffers;
using System.Text;

namespace OpenAaf.Server.Http;

/// <summary>
/// Strict decoding of query strings and form bodies (<c>application/x-www-form-urlencoded</c>): percent escapes
/// must decode to valid UTF-8 (no lone surrogate, no overlong form) without NUL. ASP.NET Core's own decoding
/// keeps invalid sequences as literal text and decodes <c>%00</c>, so the raw text is checked here instead.
/// </summary>
internal static class PercentEncodedText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The key/value pairs of <paramref name="encoded"/> in order; a part that does not decode is reported in <paramref name="problems"/>.</summary>
    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<byte> encoded, string location, List<FieldError> problems)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var range in encoded.Split((byte)'&'))
        {
            var part = encoded[range];
            if (part.IsEmpty) continue;
            var equals = part.IndexOf((byte)'=');
            var rawKey = equals < 0 ? part : part[..equals];
            var rawValue = equals < 0 ? [] : part[(equals + 1)..];
            if (!TryDecode(rawKey, out var key))
            {
                problems.Add(new FieldError(location, location, JsonTextCheck.KeyProblem));
                continue;
            }
            if (!TryDecode(rawValue, out var value))
            {
                problems.Add(new FieldError(location, key, JsonTextCheck.ValueProblem));
                continue;
            }
            pairs.Add(new(key, value));
        }
        return pairs;
    }

    /// <summary>Checks a raw query string (with or without its leading <c>?</c>).</summary>
    public static List<FieldError> QueryProblems(string? query)
    {
        var problems = new List<FieldError>();
        if (string.IsNullOrEmpty(query)) return problems;
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(query.StartsWith('?') ? query[1..] : query);
        }
        catch (EncoderFallbackException)
        {
            problems.Add(new FieldError("querystring", "querystring", JsonTextCheck.ValueProblem));
            return problems;
        }
        Parse(bytes, "querystring", problems);
        return problems;
    }

    /// <summary><c>+</c> is a space; <c>%XY</c> is a byte; a <c>%</c> without two hex digits stays literal, as ASP.NET Core reads it.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out string text)
    {
        text = "";
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var b = encoded[i];
                if (b == (byte)'+') b = (byte)' ';
                else if (b == (byte)'%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
                {
                    b = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                    i += 2;
                }
                if (b == 0) return false;
                buffer[length++] = b;
            }
            text = StrictUtf8.GetString(buffer, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
