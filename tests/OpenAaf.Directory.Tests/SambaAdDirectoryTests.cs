using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

public sealed class SambaAdDirectoryTests(SambaAdFixture samba) : IClassFixture<SambaAdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LdapUserDirectory Directory(RepositoryDefinition? repository = null) => new(repository ?? Repositories.Samba());

    [Fact]
    public async Task Finds_denis_with_the_ad_identity()
    {
        Assert.True(samba.Pid > 0);
        using var directory = Directory();
        var lookup = await directory.FindByLoginAsync("DENIS", Ct);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        var denis = lookup.User!;
        Assert.Equal("denis", denis.LoginName);
        Assert.Equal("JAGUAR", denis.RepositoryName);
        Assert.Equal("CN=Denis Test,CN=Users,DC=jaguar,DC=com", denis.DistinguishedName);
        Assert.Equal("denis@jaguar.com", denis.UserPrincipalName);
        Assert.Equal("Denis Test", denis.CommonName);
        Assert.Equal("Denis", denis.GivenName);
        Assert.Equal("denis@jaguar.com", denis.Email);
        Assert.Equal("+15550000001", denis.MobilePhone);
        Assert.Matches(@"^S-1-5-21-\d+-\d+-\d+-\d+$", SecurityIdentifierText.Format(denis.Sid));
        Assert.Matches("^[0-9a-f]{32}$", denis.ObjectId);
    }

    [Fact]
    public async Task Groups_include_nested_groups()
    {
        using var directory = Directory();
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal(["FULL ADMINS", "it-staff", "mfa-users"], denis.Groups.Order(StringComparer.OrdinalIgnoreCase));
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(["helpdesk", "it-staff", "mfa-users"], alice.Groups.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Object_id_is_the_object_guid_and_round_trips()
    {
        using var directory = Directory();
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        var again = await directory.FindByObjectIdAsync(denis.ObjectId, Ct);
        Assert.Equal(LookupStatus.Found, again.Status);
        Assert.Equal(denis.DistinguishedName, again.User!.DistinguishedName);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByObjectIdAsync(new string('f', 32), Ct)).Status);
    }

    [Fact]
    public async Task Object_id_round_trips_when_ad_is_configured_as_plain_ldap()
    {
        using var directory = Directory(Repositories.Samba() with { Kind = RepositoryKind.Ldap, UserFilter = "(sAMAccountName={0})" });
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal(LookupStatus.Found, (await directory.FindByObjectIdAsync(denis.ObjectId, Ct)).Status);
        Assert.Contains("it-staff", denis.Groups); // memberOf walk instead of the in-chain rule
    }

    [Fact]
    public async Task Finds_by_upn()
    {
        using var directory = Directory();
        Assert.Equal("alice", (await directory.FindByUpnAsync("Alice@Jaguar.com", Ct)).User!.LoginName);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByUpnAsync("alice@other.com", Ct)).Status);
    }

    [Fact]
    public async Task Ambiguous_and_not_found_and_injection()
    {
        using var bySurname = Directory(Repositories.Samba() with { UserFilter = "(&(objectClass=user)(sn={0}))" });
        Assert.Equal(LookupStatus.Ambiguous, (await bySurname.FindByLoginAsync("Test", Ct)).Status);
        using var directory = Directory();
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("nobody", Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("*", Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("denis)(sAMAccountName=*", Ct)).Status);
    }

    [Theory]
    [InlineData("denis", SambaAdFixture.DenisPassword, PasswordCheck.Ok)]
    [InlineData("denis", "Wrong!Passw0rd", PasswordCheck.Wrong)]            // data 52e
    [InlineData("disabled", SambaAdFixture.SubCodePassword, PasswordCheck.AccountDisabled)]   // 533
    [InlineData("mustchange", SambaAdFixture.SubCodePassword, PasswordCheck.MustChange)]      // 773
    [InlineData("expired", SambaAdFixture.SubCodePassword, PasswordCheck.AccountExpired)]     // 701
    [InlineData("locked", SambaAdFixture.SubCodePassword, PasswordCheck.AccountLocked)]       // 775
    [InlineData("pwexpired", SambaAdFixture.SubCodePassword, PasswordCheck.PasswordExpired)]  // 532
    [InlineData("hours", SambaAdFixture.SubCodePassword, PasswordCheck.LogonNotPermitted)]    // 530
    [InlineData("workstation", SambaAdFixture.SubCodePassword, PasswordCheck.LogonNotPermitted)] // 531
    public async Task Bind_results_map_to_password_checks(string login, string password, PasswordCheck expected)
    {
        using var directory = Directory();
        var user = (await directory.FindByLoginAsync(login, Ct)).User!;
        Assert.Equal(expected, await directory.VerifyPasswordAsync(user, password, Ct));
    }

    [Fact]
    public async Task Every_sub_code_comes_through_on_one_pooled_connection()
    {
        using var directory = Directory(Repositories.Samba() with { MaxConcurrency = 1 });
        async Task<PasswordCheck> Bind(string login, string password) =>
            await directory.VerifyPasswordAsync((await directory.FindByLoginAsync(login, Ct)).User!, password, Ct);

        Assert.Equal(PasswordCheck.Ok, await Bind("denis", SambaAdFixture.DenisPassword));
        Assert.Equal(PasswordCheck.AccountDisabled, await Bind("disabled", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.Wrong, await Bind("denis", "Wrong!Passw0rd"));
        Assert.Equal(PasswordCheck.MustChange, await Bind("mustchange", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.AccountExpired, await Bind("expired", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.Ok, await Bind("denis", SambaAdFixture.DenisPassword));
        Assert.Equal(PasswordCheck.AccountLocked, await Bind("locked", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.PasswordExpired, await Bind("pwexpired", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.LogonNotPermitted, await Bind("hours", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.LogonNotPermitted, await Bind("workstation", SambaAdFixture.SubCodePassword));
        Assert.Equal(PasswordCheck.Ok, await Bind("denis", SambaAdFixture.DenisPassword));
        Assert.Equal(1, directory.IdleBindConnections);
    }

    [Fact]
    public async Task User_deleted_since_resolution_is_a_wrong_password()
    {
        using var directory = Directory();
        var ghost = new DirectoryUser
        {
            RepositoryName = "JAGUAR", LoginName = "ghost", ObjectId = new string('a', 32),
            DistinguishedName = "CN=Ghost,CN=Users,DC=jaguar,DC=com",
        };
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(ghost, "whatever", Ct));
    }

    [Fact]
    public async Task Fails_over_from_a_dead_url()
    {
        using var directory = Directory(Repositories.Samba(Repositories.DeadUrl(), SambaAdFixture.Url));
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(denis, SambaAdFixture.DenisPassword, Ct));
    }
}
