namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// Tolerant base64 of api.md §1.3 rule 7: U2F fields are base64url without padding, but software tokens
/// also send standard base64, with or without <c>=</c>. One string must stick to one alphabet; whitespace
/// and any other character are refused, so a garbled field never decodes to something else.
/// </summary>
internal static class WebSafeBase64
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The decoded bytes, or null when the text is empty, not base64 in either alphabet, or longer than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Decode(string? text, int maxBytes)
    {
        if (string.IsNullOrEmpty(text) || text.Length > (maxBytes + 2) / 3 * 4) return null;
        var padded = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        if (padded > 0 && text.Length % 4 != 0) return null;
        var body = text.AsSpan(0, text.Length - padded);
        if (body.Length % 4 == 1) return null;

        var length = (body.Length + 3) / 4 * 4;
        Span<char> standard = length <= 512 ? stackalloc char[length] : new char[length];
        bool urlAlphabet = false, standardAlphabet = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c is '-' or '_') urlAlphabet = true;
            else if (c is '+' or '/') standardAlphabet = true;
            else if (!char.IsAsciiLetterOrDigit(c)) return null;
            standard[i] = c switch { '-' => '+', '_' => '/', _ => c };
        }
        if (urlAlphabet && standardAlphabet) return null;
        standard[body.Length..].Fill('=');

        var output = new byte[standard.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(standard, output, out var written) || written > maxBytes) return null;
        return output[..written];
    }
}
