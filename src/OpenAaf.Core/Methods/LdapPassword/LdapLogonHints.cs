using System.Text.Json;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.LdapPassword;

/// <summary>
/// The <c>logon_hints</c> of a MORE_DATA envelope while LDAP_PASSWORD:1 is current (api.md §5.7, methods.md §2):
/// the client-side part of <see cref="LdapMethodOptions"/>, key by key in the order of the seed samples.
/// </summary>
public static class LdapLogonHints
{
    public static void Write(Utf8JsonWriter w, PolicySet policies)
    {
        var ldap = policies.LdapMethod;
        w.WriteStartObject();
        w.WriteStartObject("policy");
        w.WriteNumber("cached_logon_offline_period", ldap.CachedLogonOfflinePeriod);
        w.WriteBoolean("cached_logon", ldap.CachedLogon);
        w.WriteBoolean("sspr_enabled", ldap.SsprEnabled);
        w.WriteString("sspr_url", ldap.SsprUrl);
        w.WriteString("sspr_caption", ldap.SsprCaption);
        w.WriteBoolean("disable_ldap_change", ldap.DisableLdapChange);
        w.WriteBoolean("save_password", ldap.SavePassword);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
