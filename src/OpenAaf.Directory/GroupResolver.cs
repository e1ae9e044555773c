using System.DirectoryServices.Protocols;

namespace OpenAaf.Directory;

/// <summary>
/// Names (cn) of every group a user belongs to, directly or through nested groups.
/// Active Directory: one search with LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941), which
/// the server evaluates transitively. Other servers: the user's group attribute (memberOf) gives the
/// direct groups; each group's own memberOf gives its parents, walked breadth-first with a depth
/// cap and cycle protection. Group entries are cached briefly because every logon of every member
/// would read the same few groups again.
/// </summary>
internal sealed class GroupResolver(string groupAttribute, TimeProvider time)
{
    public const int MaxDepth = 8;
    public const int MaxGroups = 2000;
    private const string InChainRule = "1.2.840.113556.1.4.1941";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    private const int CacheLimit = 10_000;

    private readonly Dictionary<string, CachedGroup> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    private sealed record CachedGroup(string? Name, string[] Parents, long ReadAt);

    /// <summary>Active Directory: transitive membership in one paged search under the user's domain.</summary>
    public static List<string> ResolveInChain(Func<SearchRequest, SearchResponse> search, string userDn, string baseDn)
    {
        var filter = $"(&(objectClass=group)(member:{InChainRule}:={LdapFilter.Escape(userDn)}))";
        var names = new List<string>();
        var page = new PageResultRequestControl(500) { IsCritical = false };
        while (true)
        {
            var request = new SearchRequest(DomainRoot(userDn) ?? baseDn, filter, SearchScope.Subtree, "cn");
            request.Controls.Add(page);
            var response = search(request);
            foreach (SearchResultEntry entry in response.Entries)
                if (EntryAttributes.String(entry, "cn") is { } cn) names.Add(cn);
            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 } || names.Count >= MaxGroups) break;
            page = new PageResultRequestControl(500) { IsCritical = false, Cookie = cookie };
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Walks <c>memberOf</c> (or the configured attribute) from the user's direct groups upwards.</summary>
    public List<string> ResolveByWalk(Func<SearchRequest, SearchResponse> search, IEnumerable<string> directGroupDns)
    {
        var names = new List<string>();
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var level = directGroupDns.Where(visited.Add).ToList();
        for (var depth = 0; depth < MaxDepth && level.Count > 0 && visited.Count <= MaxGroups; depth++)
        {
            var next = new List<string>();
            foreach (var dn in level)
            {
                var group = Read(search, dn);
                if (group is null) continue;
                if (group.Name is { } name && seenNames.Add(name)) names.Add(name);
                next.AddRange(group.Parents.Where(visited.Add));
            }
            level = next;
        }
        return names;
    }

    private CachedGroup? Read(Func<SearchRequest, SearchResponse> search, string dn)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(dn, out var hit) && time.GetElapsedTime(hit.ReadAt) < CacheFor) return hit;
        }
        CachedGroup group;
        try
        {
            var response = search(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, "cn", groupAttribute));
            var entry = response.Entries.Count > 0 ? response.Entries[0] : null;
            group = new CachedGroup(
                entry is null ? null : EntryAttributes.String(entry, "cn"),
                entry is null ? [] : EntryAttributes.Strings(entry, groupAttribute),
                time.GetTimestamp());
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode is ResultCode.NoSuchObject or ResultCode.InsufficientAccessRights)
        {
            // A dangling memberOf value, or a group the service account may not read: skip it.
            return null;
        }
        lock (_gate)
        {
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[dn] = group;
        }
        return group;
    }

    /// <summary>The <c>DC=…</c> suffix of a DN (the AD domain naming context), or null.</summary>
    public static string? DomainRoot(string dn)
    {
        var parts = SplitDn(dn);
        var first = parts.FindIndex(p => p.StartsWith("DC=", StringComparison.OrdinalIgnoreCase));
        if (first < 0 || parts.Skip(first).Any(p => !p.StartsWith("DC=", StringComparison.OrdinalIgnoreCase))) return null;
        return string.Join(",", parts.Skip(first));
    }

    private static List<string> SplitDn(string dn)
    {
        // Split on unescaped commas (RFC 4514: "\," is part of a value).
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\') { i++; continue; }
            if (dn[i] != ',') continue;
            parts.Add(dn[start..i].Trim());
            start = i + 1;
        }
        parts.Add(dn[start..].Trim());
        return parts;
    }
}
