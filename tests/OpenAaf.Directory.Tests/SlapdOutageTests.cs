using System.Diagnostics;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>Failover, timeouts and outages (a class of its own so that its waits run in parallel with the rest).</summary>
public sealed class SlapdOutageTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LdapUserDirectory Directory(RepositoryDefinition? repository = null) => new(repository ?? Repositories.Slapd(slapd));

    [Fact]
    public async Task Dead_url_is_tried_last_while_remembered()
    {
        // The first URL accepts TCP but never answers: without the memory every call would wait for the timeout.
        using var hung = new HungLdapServer(answerBind: false);
        using var directory = Directory(Repositories.Slapd(slapd, hung.Url, slapd.Url) with { TimeoutSeconds = 1 });
        var first = Stopwatch.StartNew();
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.InRange(first.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        var later = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LookupStatus.Found, (await directory.FindByLoginAsync("user0" + (i + 1), Ct)).Status);
            Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(alice, "alicepw", Ct));
        }
        Assert.True(later.Elapsed < TimeSpan.FromSeconds(1), $"calls waited on the dead server: {later.Elapsed}");
    }

    [Fact]
    public async Task All_urls_dead_is_unavailable()
    {
        using var directory = Directory(Repositories.Slapd(slapd, Repositories.DeadUrl(), Repositories.DeadUrl()));
        var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
        Assert.Contains("EXAMPLE", error.Message);
        var alice = new DirectoryUser { RepositoryName = "EXAMPLE", LoginName = "alice", ObjectId = new string('a', 32), DistinguishedName = SlapdFixture.UserDn("alice") };
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.VerifyPasswordAsync(alice, "alicepw", Ct).AsTask());
    }

    [Fact]
    public async Task Fails_over_to_the_next_url_and_remembers_the_dead_one()
    {
        var dead = Repositories.DeadUrl();
        using var directory = Directory(Repositories.Slapd(slapd, dead, slapd.Url));
        var lookup = await directory.FindByLoginAsync("alice", Ct);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(lookup.User!, "alicepw", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(lookup.User!, "nope", Ct));
    }

    [Fact]
    public async Task Empty_password_never_reaches_the_directory()
    {
        // With a dead server, reaching the directory would throw.
        using var directory = Directory(Repositories.Slapd(slapd, Repositories.DeadUrl()));
        var denis = new DirectoryUser { RepositoryName = "EXAMPLE", LoginName = "denis", ObjectId = new string('a', 32), DistinguishedName = SlapdFixture.UserDn("denis") };
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(denis, "", Ct));
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(denis with { DistinguishedName = null }, "x", Ct));
    }
}
