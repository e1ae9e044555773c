using OpenAaf.Core.Configuration;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

/// <summary>Bootstrap documents shaped like the operations.md example.</summary>
public static class SampleDocuments
{
    public const string LegacyEndpointId = "41414141414141414141414141414141";

    public static BootstrapDocument Full(string adminPassword = "admin-password-1") => new()
    {
        Repositories =
        [
            new RepositoryDefinition { Id = "", Name = "LOCAL", Kind = RepositoryKind.Local },
            new RepositoryDefinition
            {
                Id = "", Name = "JAGUAR", Kind = RepositoryKind.Ldap, Urls = ["ldap://127.0.0.1:10389"],
                BaseDn = "dc=jaguar,dc=com", BindDn = "cn=admin,dc=jaguar,dc=com", BindPassword = "bind-secret",
            },
        ],
        Users = [new LocalUserDefinition { Name = "ADMIN", Password = adminPassword, Groups = ["FULL ADMINS"] }],
        Chains =
        [
            new ChainDeclaration { Name = "LDAP + Fingerprint", Methods = [MethodIds.LdapPassword, MethodIds.Finger], RequiredChain = "Password only", GracePeriodHours = 8 },
            new ChainDeclaration { Name = "Password only", Methods = [MethodIds.Password] },
        ],
        Categories = [new Category("0001", "Home", "")],
        Events =
        [
            new EventDeclaration { Name = "Authenticators Management", Chains = ["LDAP + Fingerprint", "Password only"] },
            new EventDeclaration { Name = "Portal", Chains = ["Password only"], AllCategories = false, Categories = ["0001"] },
        ],
        Endpoints = [new EndpointDeclaration { Id = LegacyEndpointId, Name = "test", Secret = "876543210", IsTrusted = true }],
        Policies = PolicySet.Defaults with
        {
            Lockout = new LockoutOptions { FailedAttempts = 5 },
            MailSender = new MailSenderOptions { Host = "smtp.example.com", Password = "smtp-secret" },
        },
        PolicyComponents = new HashSet<string> { "LockoutOptions", "MailSender" },
    };
}
