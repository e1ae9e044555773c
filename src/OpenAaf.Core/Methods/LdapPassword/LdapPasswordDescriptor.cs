using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.LdapPassword;

/// <summary>LDAP_PASSWORD:1 (methods.md §2): auto-created for directory users; its policy feeds the logon hints.</summary>
public static class LdapPasswordDescriptor
{
    public const string Id = "LDAP_PASSWORD:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "LDAP Password",
        Policy = PolicyComponent.ForMethod<LdapMethodOptions>("LdapMethod"),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(LdapPasswordOutcomes)),
        IsAutoCreated = true,
        LogonHints = LdapLogonHints.Write,
        Implementation = typeof(LdapPasswordMethod),
    };
}
