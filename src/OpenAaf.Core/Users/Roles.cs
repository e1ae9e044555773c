using OpenAaf.Core.Directories;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Users;

/// <summary>Roles are group names (api.md §4.6); only the ones that matter are reported.</summary>
public static class Roles
{
    public const string FullAdmins = "FULL ADMINS";
    public const string EnrollAdmins = "ENROLL ADMINS";

    public static IReadOnlyList<string> Of(DirectoryUser account, HelpdeskOptions helpdesk)
    {
        var roles = new List<string>();
        foreach (var role in new[] { FullAdmins, EnrollAdmins }.Concat(helpdesk.Roles))
        {
            if (!roles.Contains(role, StringComparer.OrdinalIgnoreCase) && IsMember(account, role))
                roles.Add(role);
        }
        return roles;
    }

    /// <summary>
    /// Group match of api.md §4.4: <c>REPO\Group</c> names a group of that repository, a bare
    /// <c>Group</c> a group of the user's own repository; case-insensitive.
    /// </summary>
    public static bool IsMember(DirectoryUser account, string group)
    {
        var slash = group.IndexOf('\\');
        if (slash >= 0)
        {
            if (!group.AsSpan(0, slash).Equals(account.RepositoryName, StringComparison.OrdinalIgnoreCase)) return false;
            group = group[(slash + 1)..];
        }
        return account.Groups.Contains(group, StringComparer.OrdinalIgnoreCase);
    }
}
