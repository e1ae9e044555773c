using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.LdapPassword;

/// <summary>
/// The catalogue entries of LDAP_PASSWORD:1 (methods.md §2): the directory's verdicts on a bind (api.md §11.4).
/// </summary>
public static class LdapPasswordOutcomes
{
    public static readonly Outcome LdapAccountDisabled = new("OAAF-2112", "LDAP_ACCOUNT_DISABLED", "Account is disabled");
    public static readonly Outcome LdapAccountLocked = new("OAAF-2113", "LDAP_ACCOUNT_LOCKED", "Account is locked in the directory");
    public static readonly Outcome LdapAccountExpired = new("OAAF-2114", "LDAP_ACCOUNT_EXPIRED", "Account has expired");
    public static readonly Outcome LdapPasswordExpired = new("OAAF-2115", "LDAP_PASSWORD_EXPIRED", "Directory password has expired");
    public static readonly Outcome LdapPasswordMustChange = new("OAAF-2116", "LDAP_PASSWORD_MUST_CHANGE", "Directory password must be changed");
    public static readonly Outcome LdapLogonNotPermitted = new("OAAF-2117", "LDAP_LOGON_NOT_PERMITTED", "Logon is not permitted at this time or from this workstation");
}
