using System.Text.Json;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Users;

namespace OpenAaf.Server.Api.Logon;

/// <summary>The 15-key identity block of NEXT and OK replies (api.md §5.7); missing attributes are null.</summary>
public static class IdentityJson
{
    public static void Write(Utf8JsonWriter w, AuthenticatedUser user)
    {
        var a = user.Account;
        w.WriteString("user_id", user.UserId);
        w.WriteString("user_name", user.UserName);
        w.WriteString("repo_id", user.RepositoryId);
        w.WriteString("repo_obj_id", a.ObjectId);
        StringOrNull(w, "user_mobile_phone", a.MobilePhone);
        StringOrNull(w, "user_email", a.Email);
        w.WriteString("user_name_netbios", user.UserName);
        w.WriteString("tenant_name", Tenant.DefaultName);
        w.WriteString("user_role_assignments", string.Join(", ", user.Roles));
        StringOrNull(w, "user_cn", a.CommonName);
        StringOrNull(w, "user_sid", SecurityIdentifierText.Format(a.Sid));
        StringOrNull(w, "user_sid_hex", a.Sid is { } sid ? Convert.ToHexStringLower(sid) : null);
        StringOrNull(w, "user_upn", a.UserPrincipalName);
        StringOrNull(w, "user_dn", a.DistinguishedName);
        StringOrNull(w, "user_first_name", a.GivenName);
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
