using System.Buffers.Text;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The binary fields of WebAuthn (base64url without padding). api.md §1.3 rule 7: standard base64 and
/// padding are accepted too, but one value must use one alphabet, and nothing else (no whitespace, no
/// stray characters) is tolerated, because a lenient decoder would let two spellings name one credential.
/// </summary>
public static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes <paramref name="text"/>; false when it is malformed or decodes to more than <paramref name="maxBytes"/>.</summary>
    public static bool TryDecode(string? text, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length > (maxBytes + 2) / 3 * 4) return false;
        var body = text.AsSpan().TrimEnd('=');
        var padding = text.Length - body.Length;
        if (body.Length % 4 == 1 || padding > 2 || (padding > 0 && (body.Length + padding) % 4 != 0)) return false;

        var url = false;
        var standard = false;
        foreach (var c in body)
        {
            if (c is '-' or '_') url = true;
            else if (c is '+' or '/') standard = true;
            else if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        if (url && standard) return false;

        var buffer = new byte[body.Length * 3 / 4];
        if (standard)
        {
            // Convert accepts only padded standard base64; the alphabet check above keeps its whitespace tolerance out.
            var padded = body.ToString().PadRight((body.Length + 3) / 4 * 4, '=');
            if (!Convert.TryFromBase64String(padded, buffer, out var written)) return false;
            bytes = buffer[..written];
        }
        else
        {
            if (Base64Url.DecodeFromChars(body, buffer, out _, out var written) != System.Buffers.OperationStatus.Done) return false;
            bytes = buffer[..written];
        }
        return bytes.Length <= maxBytes;
    }
}
