namespace OpenAaf.Storage;

/// <summary>The form in which names are compared case-insensitively by every provider (stored in *_key columns).</summary>
internal static class NameKey
{
    public static string Of(string name) => name.ToUpperInvariant();
}
