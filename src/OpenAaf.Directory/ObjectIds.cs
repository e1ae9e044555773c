using System.Globalization;

namespace OpenAaf.Directory;

/// <summary>
/// <see cref="OpenAaf.Core.Directories.DirectoryUser.ObjectId"/>: 32 lowercase hex. AD <c>objectGUID</c>
/// is its 16 raw bytes hex-encoded in wire order; LDAP <c>entryUUID</c> is its text without dashes
/// (the same bytes, since entryUUID is the RFC 4122 big-endian form). objectGUID wins when an entry has both.
/// </summary>
internal static class ObjectIds
{
    public static string FromGuidBytes(byte[] objectGuid) => Convert.ToHexStringLower(objectGuid);

    public static string? FromEntryUuid(string entryUuid)
    {
        var hex = entryUuid.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return IsValid(hex) ? hex : null;
    }

    public static bool IsValid(string objectId) =>
        objectId.Length == 32 && objectId.All(char.IsAsciiHexDigit);

    /// <summary>The filter that finds the entry whose id is <paramref name="objectId"/> (assumed valid).</summary>
    public static string Filter(string objectId, bool activeDirectory)
    {
        var hex = objectId.ToLowerInvariant();
        var guidClause = "(objectGUID=" + LdapFilter.EscapeBytes(Convert.FromHexString(hex)) + ")";
        if (activeDirectory) return guidClause;
        var uuid = string.Create(CultureInfo.InvariantCulture,
            $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
        // OpenLDAP evaluates a filter item on an attribute it does not know (objectGUID) as
        // Undefined, so the OR still matches on entryUUID; an AD-like server behind an
        // "ldap" repository matches on objectGUID.
        return "(|(entryUUID=" + uuid + ")" + guidClause + ")";
    }
}
