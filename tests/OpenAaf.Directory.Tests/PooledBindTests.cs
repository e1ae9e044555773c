using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>A slapd that logs every operation, so the tests can check who each connection was bound as.</summary>
public sealed class LoggingSlapdFixture : IAsyncLifetime
{
    public SlapdFixture Slapd { get; } = new() { LogLevel = "stats" };
    public ValueTask InitializeAsync() => Slapd.InitializeAsync();
    public ValueTask DisposeAsync() => Slapd.DisposeAsync();
}

/// <summary>User binds on pooled connections: every answer is the right user's, and no identity leaks.</summary>
public sealed class PooledBindTests(LoggingSlapdFixture fixture) : IClassFixture<LoggingSlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SlapdFixture Slapd => fixture.Slapd;

    private LdapUserDirectory Directory(RepositoryDefinition? repository = null) => new(repository ?? Repositories.Slapd(Slapd));

    private static int _bindsSoFar;

    private async Task<SlapdOperationLog> LogAfterAsync(int binds) =>
        await SlapdOperationLog.ReadAsync(Slapd, Interlocked.Add(ref _bindsSoFar, binds));

    [Fact]
    public async Task Concurrent_binds_of_different_users_each_get_their_own_answer()
    {
        using var directory = Directory(Repositories.Slapd(Slapd) with { MaxConcurrency = 4 });
        var users = new DirectoryUser[50];
        for (var i = 0; i < 50; i++) users[i] = (await directory.FindByLoginAsync($"user{i + 1:00}", Ct)).User!;

        var attempts = Enumerable.Range(0, 300).Select(n => (User: n % 50, Right: n % 3 != 0)).ToArray();
        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() =>
            directory.VerifyPasswordAsync(users[a.User], a.Right ? $"pw{a.User + 1:00}" : $"pw{a.User + 1:00}x", Ct).AsTask(), Ct)));

        for (var i = 0; i < attempts.Length; i++)
            Assert.Equal(attempts[i].Right ? PasswordCheck.Ok : PasswordCheck.Wrong, results[i]);
        Assert.InRange(directory.IdleBindConnections, 1, 4);
        var log = await LogAfterAsync(attempts.Length + 4);
        Assert.Empty(log.Violations(SlapdFixture.ServiceDn));
        Assert.True(log.MostUserBindsOnOneConnection(SlapdFixture.ServiceDn) >= 20, "user binds were not pooled");
    }

    [Fact]
    public async Task A_failed_bind_leaves_no_connection_that_answers_as_the_wrong_identity()
    {
        using var directory = Directory(Repositories.Slapd(Slapd) with { MaxConcurrency = 1 });
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        var user05 = (await directory.FindByLoginAsync("user05", Ct)).User!;

        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(alice, "not alice's", Ct));
        // The next user on the same connection is judged by its own bind, not by what came before.
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(user05, "alicepw", Ct));
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(user05, "pw05", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(alice, "pw05", Ct));
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(user05, "wrong", Ct));
        // Searches still run as the service account: an anonymous connection (left by a failed bind)
        // would see nothing under this directory's ACL, a user's would see it as that user.
        Assert.Equal(LookupStatus.Found, (await directory.FindByLoginAsync("user06", Ct)).Status);
        Assert.Equal(1, directory.IdleBindConnections);
        Assert.Equal(1, directory.IdleConnections);

        var log = await LogAfterAsync(6 + 1);
        Assert.Empty(log.Violations(SlapdFixture.ServiceDn));
        Assert.True(log.MostUserBindsOnOneConnection(SlapdFixture.ServiceDn) >= 6, "the binds did not share the pooled connection");
    }

    [Fact]
    public async Task An_unexpected_bind_result_closes_the_connection()
    {
        using var directory = Directory(Repositories.Slapd(Slapd) with { MaxConcurrency = 1 });
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        Assert.Equal(1, directory.IdleBindConnections);

        // invalidDNSyntax (34): refused credentials, but not an answer a connection is kept after.
        var broken = alice with { DistinguishedName = "this is not a DN" };
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(broken, "alicepw", Ct));
        Assert.Equal(0, directory.IdleBindConnections);

        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        Assert.Equal(1, directory.IdleBindConnections);
        Assert.Empty((await LogAfterAsync(3 + 1)).Violations(SlapdFixture.ServiceDn));
    }

    [Fact]
    public async Task Password_policy_states_come_through_on_one_pooled_connection()
    {
        using var directory = Directory(Repositories.Slapd(Slapd) with { MaxConcurrency = 1 });
        async Task<PasswordCheck> Bind(string login, string password) =>
            await directory.VerifyPasswordAsync((await directory.FindByLoginAsync(login, Ct)).User!, password, Ct);

        Assert.Equal(PasswordCheck.AccountLocked, await Bind("pplocked", "pplockedpw"));
        Assert.Equal(PasswordCheck.Ok, await Bind("alice", "alicepw"));
        Assert.Equal(PasswordCheck.PasswordExpired, await Bind("ppexpired", "ppexpiredpw"));
        Assert.Equal(PasswordCheck.MustChange, await Bind("ppreset", "ppresetpw"));
        Assert.Equal(PasswordCheck.Wrong, await Bind("ppreset", "wrong"));
        Assert.Equal(PasswordCheck.Ok, await Bind("user07", "pw07"));
        Assert.Equal(PasswordCheck.MustChange, await Bind("ppreset", "ppresetpw"));
        Assert.Equal(1, directory.IdleBindConnections);
        Assert.Empty((await LogAfterAsync(7 + 1)).Violations(SlapdFixture.ServiceDn));
    }
}
