using System.DirectoryServices.Protocols;

namespace OpenAaf.Directory;

/// <summary>Typed reads of a search result entry (attribute names are case-insensitive).</summary>
internal static class EntryAttributes
{
    public static string? String(SearchResultEntry entry, string name) =>
        Strings(entry, name).FirstOrDefault(v => v.Length > 0);

    public static string[] Strings(SearchResultEntry entry, string name) =>
        Find(entry, name) is { } attribute ? (string[])attribute.GetValues(typeof(string)) : [];

    public static byte[]? Bytes(SearchResultEntry entry, string name) =>
        Find(entry, name) is { Count: > 0 } attribute ? ((byte[][])attribute.GetValues(typeof(byte[])))[0] : null;

    private static DirectoryAttribute? Find(SearchResultEntry entry, string name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (entry.Attributes.Contains(name)) return entry.Attributes[name];
        foreach (string candidate in entry.Attributes.AttributeNames)
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)) return entry.Attributes[candidate];
        return null;
    }
}
