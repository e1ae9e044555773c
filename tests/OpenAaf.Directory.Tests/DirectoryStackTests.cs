using System.DirectoryServices.Protocols;
using System.Runtime.InteropServices;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>The start-up probe of the S.DS.P internals and libldap exports the LDAP timeouts rely on.</summary>
public sealed class DirectoryStackTests
{
    [Fact]
    public void The_installed_stack_is_usable()
    {
        Assert.Null(DirectoryStackCheck.Problem(typeof(LdapConnection)));
        Assert.Null(DirectoryStackCheck.Problem());
    }

    [Fact]
    public void A_connection_type_without_the_native_handle_is_reported()
    {
        var problem = DirectoryStackCheck.Problem(typeof(ConnectionWithoutHandle));
        Assert.NotNull(problem);
        Assert.Contains("_ldapHandle", problem);
        Assert.Contains(nameof(ConnectionWithoutHandle), problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_handle_field_of_another_type_is_reported()
    {
        var problem = DirectoryStackCheck.Problem(typeof(ConnectionWithPointerHandle));
        Assert.NotNull(problem);
        Assert.Contains("_ldapHandle", problem);
    }

    private sealed class ConnectionWithoutHandle;

    private sealed class ConnectionWithPointerHandle
    {
#pragma warning disable CS0169, IDE0051 // read by reflection only
        private readonly nint _ldapHandle;
#pragma warning restore CS0169, IDE0051
    }
}
