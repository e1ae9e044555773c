using System.Buffers.Binary;
using System.Text;

namespace OpenAaf.Core.Directories;

/// <summary>
/// Formats a binary objectSid as <c>S-1-5-21-…</c>. Done by hand because
/// SecurityIdentifier is Windows-only (test-vectors.md §6 has the layout).
/// </summary>
public static class SecurityIdentifierText
{
    public static string? Format(byte[]? sid)
    {
        if (sid is null || sid.Length < 8) return null;
        int count = sid[1];
        if (sid.Length != 8 + 4 * count) return null;
        ulong authority = 0;
        for (var i = 2; i < 8; i++) authority = (authority << 8) | sid[i];
        var text = new StringBuilder().Append("S-").Append(sid[0]).Append('-').Append(authority);
        for (var i = 0; i < count; i++)
            text.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(sid.AsSpan(8 + 4 * i)));
        return text.ToString();
    }
}
