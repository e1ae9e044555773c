using OpenAaf.Core.Configuration;
using OpenAaf.Testing;

namespace OpenAaf.Directory.Tests;

/// <summary>Repository definitions pointing at the test servers.</summary>
internal static class Repositories
{
    public static RepositoryDefinition Slapd(SlapdFixture slapd, params string[] urls) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Name = "EXAMPLE",
        Kind = RepositoryKind.Ldap,
        Urls = urls.Length > 0 ? urls : [slapd.Url],
        BaseDn = SlapdFixture.BaseDn,
        BindDn = SlapdFixture.ServiceDn,
        BindPassword = SlapdFixture.ServicePassword,
        TimeoutSeconds = 5,
    };

    public static RepositoryDefinition Samba(params string[] urls) => new()
    {
        Id = "f39e3790890411ee9c500242ac110003",
        Name = "JAGUAR",
        Kind = RepositoryKind.ActiveDirectory,
        Urls = urls.Length > 0 ? urls : [SambaAdFixture.Url],
        BaseDn = SambaAdFixture.BaseDn,
        BindDn = SambaAdFixture.ServiceDn,
        BindPassword = SambaAdFixture.ServicePassword,
        TimeoutSeconds = 10,
    };

    /// <summary>A loopback port with nothing listening (connection refused at once).</summary>
    public static string DeadUrl() => $"ldap://127.0.0.1:{SlapdFixture.FreePort()}";
}
