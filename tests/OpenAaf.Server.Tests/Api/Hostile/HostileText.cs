using System.Text;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>
/// Text that is not valid Unicode, or holds NUL, in the three places a request carries strings: as a JSON
/// string (escape text or raw bytes), and percent-encoded in a query string or form body.
/// </summary>
public sealed record HostileText(string Name, byte[] JsonFragment, string Encoded)
{
    public static readonly IReadOnlyList<HostileText> All =
    [
        new("lone-high-surrogate", Ascii("\\ud800"), "%ED%A0%80"),
        new("lone-low-surrogate", Ascii("\\udc00"), "%ED%B0%80"),
        new("invalid-utf8-c3-28", [0xC3, 0x28], "%C3%28"),
        new("invalid-utf8-ff", [0xFF], "%FF"),
        new("overlong-slash", [0xC0, 0xAF], "%C0%AF"),
        new("nul", Ascii("\\u0000"), "%00"),
    ];

    public static HostileText Named(string name) => All.Single(h => h.Name == name);

    /// <summary>The bytes of <paramref name="template"/>, each <c>@</c> replaced by the fragment (inside a JSON string).</summary>
    public byte[] Into(string template)
    {
        var bytes = new List<byte>();
        foreach (var c in template)
        {
            if (c == '@') bytes.AddRange(JsonFragment);
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return [.. bytes];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
