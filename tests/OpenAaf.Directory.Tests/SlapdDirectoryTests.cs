using System.Diagnostics;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

public sealed class SlapdDirectoryTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LdapUserDirectory Directory(RepositoryDefinition? repository = null) => new(repository ?? Repositories.Slapd(slapd));

    [Fact]
    public async Task Finds_by_login_case_insensitively_and_returns_the_directory_spelling()
    {
        using var directory = Directory();
        var lookup = await directory.FindByLoginAsync("DeNiS", Ct);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal("denis", lookup.User!.LoginName);
        Assert.Equal("EXAMPLE", lookup.User.RepositoryName);
        Assert.Equal(SlapdFixture.UserDn("denis"), lookup.User.DistinguishedName);
    }

    [Fact]
    public async Task Maps_the_identity_attributes()
    {
        using var directory = Directory();
        var user = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal("denis@example.test", user.UserPrincipalName);
        Assert.Equal("S-1-5-21-2127521184-1604012920-1887927527-1104", SecurityIdentifierText.Format(user.Sid));
        Assert.Equal("Denis Test", user.CommonName);
        Assert.Equal("Denis", user.GivenName);
        Assert.Equal("denis@example.test", user.Email);
        Assert.Equal("+15550000001", user.MobilePhone);
        Assert.Matches("^[0-9a-f]{32}$", user.ObjectId);

        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Null(alice.Sid);
        Assert.Null(alice.UserPrincipalName);
    }

    [Fact]
    public async Task Groups_include_nested_groups()
    {
        using var directory = Directory();
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal(["admins", "FULL ADMINS", "it-staff", "mfa-users"], denis.Groups.Order(StringComparer.OrdinalIgnoreCase));
        // alice is in loop-a, and loop-a and loop-b contain each other: the walk must end.
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(["loop-a", "loop-b", "mfa-users"], alice.Groups.Order(StringComparer.OrdinalIgnoreCase));
        var user07 = (await directory.FindByLoginAsync("user07", Ct)).User!;
        Assert.Empty(user07.Groups);
    }

    [Fact]
    public async Task Mail_and_mobile_attribute_names_come_from_the_repository()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { MailAttribute = "userPrincipalName", MobileAttribute = "givenName" });
        var user = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal("denis@example.test", user.Email);
        Assert.Equal("Denis", user.MobilePhone);
    }

    [Fact]
    public async Task Finds_by_upn()
    {
        using var directory = Directory();
        var lookup = await directory.FindByUpnAsync("DENIS@example.test", Ct);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal("denis", lookup.User!.LoginName);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByUpnAsync("nobody@example.test", Ct)).Status);
    }

    [Fact]
    public async Task Object_id_round_trips()
    {
        using var directory = Directory();
        var user = (await directory.FindByLoginAsync("user42", Ct)).User!;
        var again = await directory.FindByObjectIdAsync(user.ObjectId, Ct);
        Assert.Equal(LookupStatus.Found, again.Status);
        Assert.Equal(user.DistinguishedName, again.User!.DistinguishedName);
        Assert.Equal(user.ObjectId, again.User.ObjectId);
        Assert.Equal(LookupStatus.Found, (await directory.FindByObjectIdAsync(user.ObjectId.ToUpperInvariant(), Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByObjectIdAsync(new string('0', 32), Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByObjectIdAsync("*", Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByObjectIdAsync(user.ObjectId + ")(uid=*", Ct)).Status);
    }

    [Fact]
    public async Task Two_matches_are_ambiguous()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { UserFilter = "(|(uid={0})(sAMAccountName={0}))" });
        Assert.Equal(LookupStatus.Ambiguous, (await directory.FindByLoginAsync("twin", Ct)).Status);
        Assert.Equal(LookupStatus.Found, (await directory.FindByLoginAsync("twin1", Ct)).Status);
        // More matches than the size limit of 2 is ambiguous too.
        using var wide = Directory(Repositories.Slapd(slapd) with { UserFilter = "(|(uid={0})(objectClass=inetOrgPerson))" });
        Assert.Equal(LookupStatus.Ambiguous, (await wide.FindByLoginAsync("x", Ct)).Status);
    }

    [Fact]
    public async Task Unknown_user_is_not_found()
    {
        using var directory = Directory();
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("nobody", Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("", Ct)).Status);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("den*")]
    [InlineData("denis)(uid=*")]
    [InlineData("*)(uid=*))(|(uid=*")]
    [InlineData("denis\\2a")]
    [InlineData("denis\0")]
    public async Task Filter_injection_finds_nothing(string login)
    {
        using var directory = Directory();
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync(login, Ct)).Status);
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByUpnAsync(login, Ct)).Status);
    }

    [Fact]
    public async Task Verifies_passwords()
    {
        using var directory = Directory();
        var denis = (await directory.FindByLoginAsync("denis", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(denis, "Passw0rd!", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(denis, "passw0rd!", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(denis, "Passw0rd", Ct));
        var umlaut = (await directory.FindByLoginAsync("umlaut", Ct)).User!;
        Assert.Equal("Ümit Ümlaut", umlaut.CommonName);
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(umlaut, "Pässwörd€", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(umlaut, "Pässwö", Ct));
    }

    [Theory]
    [InlineData("pplocked", "pplockedpw", PasswordCheck.AccountLocked)]     // pwdAccountLockedTime
    [InlineData("ppexpired", "ppexpiredpw", PasswordCheck.PasswordExpired)] // pwdMaxAge passed
    [InlineData("ppreset", "ppresetpw", PasswordCheck.MustChange)]          // pwdReset + pwdMustChange: the bind itself succeeds
    [InlineData("ppreset", "wrong", PasswordCheck.Wrong)]
    [InlineData("ppexpired", "wrong", PasswordCheck.Wrong)]
    public async Task Password_policy_states_come_from_the_ppolicy_control(string login, string password, PasswordCheck expected)
    {
        Assert.True(PolicyBind.Available);
        using var directory = Directory();
        var user = (await directory.FindByLoginAsync(login, Ct)).User!;
        Assert.Equal(expected, await directory.VerifyPasswordAsync(user, password, Ct));
    }

    [Fact]
    public async Task Policy_bind_over_tls_and_starttls()
    {
        using var ldaps = Directory(Repositories.Slapd(slapd, slapd.LdapsUrl) with { CaCertificate = slapd.CaCertificatePath });
        var reset = (await ldaps.FindByLoginAsync("ppreset", Ct)).User!;
        Assert.Equal(PasswordCheck.MustChange, await ldaps.VerifyPasswordAsync(reset, "ppresetpw", Ct));
        using var startTls = Directory(Repositories.Slapd(slapd) with { StartTls = true, CaCertificate = slapd.CaCertificatePath });
        Assert.Equal(PasswordCheck.MustChange, await startTls.VerifyPasswordAsync(reset, "ppresetpw", Ct));
        Assert.Equal(PasswordCheck.Wrong, await startTls.VerifyPasswordAsync(reset, "nope", Ct));
    }

    [Fact]
    public async Task Wrong_service_password_is_unavailable_not_unknown_user()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { BindPassword = "wrong" });
        var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
        Assert.Contains("service account", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task Missing_base_dn_is_unavailable()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { BaseDn = "ou=nope,dc=example,dc=test" });
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
    }

    [Fact]
    public async Task Ldaps_with_the_ca_certificate()
    {
        using var directory = Directory(Repositories.Slapd(slapd, slapd.LdapsUrl) with { CaCertificate = slapd.CaCertificatePath });
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(alice, "bad", Ct));
    }

    [Fact]
    public async Task Ldaps_with_a_wrong_ca_is_unavailable()
    {
        var wrongCa = WrongCa.Path;
        using var directory = Directory(Repositories.Slapd(slapd, slapd.LdapsUrl) with { CaCertificate = wrongCa });
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
        var alice = new DirectoryUser { RepositoryName = "EXAMPLE", LoginName = "alice", ObjectId = new string('a', 32), DistinguishedName = SlapdFixture.UserDn("alice") };
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.VerifyPasswordAsync(alice, "alicepw", Ct).AsTask());
        // The right CA still works in the same process: trust is per connection.
        using var right = Directory(Repositories.Slapd(slapd, slapd.LdapsUrl) with { CaCertificate = slapd.CaCertificatePath });
        Assert.Equal(LookupStatus.Found, (await right.FindByLoginAsync("alice", Ct)).Status);
    }

    [Fact]
    public async Task StartTls_with_the_ca_certificate()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { StartTls = true, CaCertificate = slapd.CaCertificatePath });
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        using var wrong = Directory(Repositories.Slapd(slapd) with { StartTls = true, CaCertificate = WrongCa.Path });
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => wrong.FindByLoginAsync("alice", Ct).AsTask());
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => wrong.VerifyPasswordAsync(alice, "alicepw", Ct).AsTask());
    }

    [Fact]
    public async Task Concurrency_cap_is_honoured()
    {
        using var directory = Directory(Repositories.Slapd(slapd) with { MaxConcurrency = 2 });
        var tasks = Enumerable.Range(1, 40).Select(async i =>
        {
            var login = $"user{i % 50 + 1:00}";
            var user = (await directory.FindByLoginAsync(login, Ct)).User!;
            return await directory.VerifyPasswordAsync(user, $"pw{i % 50 + 1:00}", Ct);
        }).ToArray();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(PasswordCheck.Ok, r));
        Assert.InRange(directory.PeakConcurrency, 1, 2);
        Assert.InRange(directory.IdleConnections, 1, 2);
    }

    [Fact]
    public async Task Service_connections_are_reused()
    {
        using var directory = Directory();
        for (var i = 0; i < 10; i++) await directory.FindByLoginAsync("alice", Ct);
        Assert.Equal(1, directory.IdleConnections);
    }

    [Fact]
    public void Factory_shares_instances_and_refuses_local()
    {
        using var factory = new LdapUserDirectoryFactory();
        var a = factory.Create(Repositories.Slapd(slapd));
        var b = factory.Create(Repositories.Slapd(slapd));
        var c = factory.Create(Repositories.Slapd(slapd) with { MaxConcurrency = 3 });
        Assert.Same(a, b);
        Assert.NotSame(a, c);
        Assert.Throws<ArgumentException>(() => factory.Create(new RepositoryDefinition { Id = "x", Name = "LOCAL", Kind = RepositoryKind.Local }));
    }
}
