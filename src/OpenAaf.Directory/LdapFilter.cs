using System.Text;
using System.Text.RegularExpressions;

namespace OpenAaf.Directory;

/// <summary>Builds search filters from untrusted input (RFC 4515 escaping).</summary>
internal static partial class LdapFilter
{
    /// <summary>Escapes an assertion value: <c>* ( ) \ NUL</c> become <c>\2a \28 \29 \5c \00</c>.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '*': text.Append(@"\2a"); break;
                case '(': text.Append(@"\28"); break;
                case ')': text.Append(@"\29"); break;
                case '\\': text.Append(@"\5c"); break;
                case '\0': text.Append(@"\00"); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Escapes every byte (binary attributes such as objectGUID).</summary>
    public static string EscapeBytes(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder(value.Length * 3);
        foreach (var b in value) text.Append('\\').Append(b.ToString("x2"));
        return text.ToString();
    }

    /// <summary>
    /// Substitutes the escaped value for every <c>{0}</c>. Plain replacement, not string.Format:
    /// a configured filter may contain other braces, and the value must never be interpreted.
    /// </summary>
    public static string Substitute(string template, string rawValue) => template.Replace("{0}", Escape(rawValue), StringComparison.Ordinal);

    /// <summary>Attribute names compared with <c>{0}</c> in a filter template, in order of appearance.</summary>
    public static IReadOnlyList<string> PlaceholderAttributes(string template) =>
        PlaceholderAttribute().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    [GeneratedRegex(@"\(\s*([A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)+)(?:;[A-Za-z0-9;-]*)?(?::[^=()]*)?[~<>]?=[^()]*\{0\}")]
    private static partial Regex PlaceholderAttribute();
}
