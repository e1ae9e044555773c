using OpenAaf.Core.Directories;
using OpenAaf.Core.Users;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>What happens to a repository's directory object when its definition changes.</summary>
public sealed class DirectoryLifecycleTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_superseded_directory_is_disposed_with_its_connection_pools()
    {
        using var factory = new LdapUserDirectoryFactory();
        var registry = new DirectoryRegistry(factory, new NoLocalUsers());
        var first = (LdapUserDirectory)registry.Get(Repositories.Slapd(slapd));
        var alice = (await first.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await first.VerifyPasswordAsync(alice, "alicepw", Ct));
        Assert.Equal(1, first.IdleConnections);

        var second = (LdapUserDirectory)registry.Get(Repositories.Slapd(slapd) with { TimeoutSeconds = 7 });

        Assert.NotSame(first, second);
        Assert.True(first.IsDisposed);
        Assert.False(second.IsDisposed);
        Assert.Equal(0, first.IdleConnections);
        Assert.Equal(0, first.IdleBindConnections);
        // The factory never hands the disposed object out again, even for its old definition.
        Assert.NotSame(first, factory.Create(Repositories.Slapd(slapd)));
    }

    [Fact]
    public async Task A_caller_holding_a_superseded_directory_still_gets_its_answer()
    {
        using var factory = new LdapUserDirectoryFactory();
        var registry = new DirectoryRegistry(factory, new NoLocalUsers());
        var old = registry.Get(Repositories.Slapd(slapd));
        registry.Get(Repositories.Slapd(slapd) with { MaxConcurrency = 3 });

        var lookup = await old.FindByLoginAsync("alice", Ct);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal(PasswordCheck.Ok, await old.VerifyPasswordAsync(lookup.User!, "alicepw", Ct));
        // Nothing is kept by a retired directory once its calls are done.
        Assert.Equal(0, ((LdapUserDirectory)old).IdleConnections);
        Assert.Equal(0, ((LdapUserDirectory)old).IdleBindConnections);
    }

    [Fact]
    public void An_equal_definition_keeps_the_directory()
    {
        using var factory = new LdapUserDirectoryFactory();
        var registry = new DirectoryRegistry(factory, new NoLocalUsers());
        // Each call builds a new definition with a new URL list: equal by value, not by reference.
        var a = (LdapUserDirectory)registry.Get(Repositories.Slapd(slapd));
        var b = (LdapUserDirectory)registry.Get(Repositories.Slapd(slapd));
        Assert.Same(a, b);
        Assert.False(a.IsDisposed);
    }

    /// <summary>These tests never touch LOCAL.</summary>
    private sealed class NoLocalUsers : IUserStore
    {
        public Task<string> GetOrCreateUserIdAsync(string repositoryId, string objectId, string loginName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<UserRecord?> FindUserAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<LocalUser?> FindLocalUserAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<LocalUser> UpsertLocalUserAsync(LocalUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
