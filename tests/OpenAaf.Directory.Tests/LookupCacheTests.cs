using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>The short cache of directory look-ups: it expires, it is bounded, and it never holds a verdict.</summary>
public sealed class LookupCacheTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DirectoryUser User(string name) => new() { RepositoryName = "R", LoginName = name, ObjectId = new string('a', 32) };

    [Fact]
    public void Entries_expire_after_their_lifetime()
    {
        var time = new FakeTimeProvider();
        var cache = new LookupCache(TimeSpan.FromSeconds(5), 100, time);
        cache.Add("alice", User("alice"));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(cache.TryGet("alice", out var hit));
        Assert.Equal("alice", hit.LoginName);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.False(cache.TryGet("alice", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void It_holds_at_most_its_capacity_and_drops_the_oldest_first()
    {
        var time = new FakeTimeProvider();
        var cache = new LookupCache(TimeSpan.FromSeconds(60), 100, time);
        for (var i = 0; i < 1000; i++)
        {
            cache.Add($"user{i}", User($"user{i}"));
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(cache.Count <= 100);
        }
        Assert.Equal(100, cache.Count);
        Assert.False(cache.TryGet("user0", out _));
        Assert.False(cache.TryGet("user899", out _));
        Assert.True(cache.TryGet("user900", out _));
        Assert.True(cache.TryGet("user999", out _));
    }

    [Fact]
    public void Expired_entries_make_room_before_live_ones_are_dropped()
    {
        var time = new FakeTimeProvider();
        var cache = new LookupCache(TimeSpan.FromSeconds(5), 3, time);
        cache.Add("old", User("old"));
        time.Advance(TimeSpan.FromSeconds(6));
        cache.Add("a", User("a"));
        cache.Add("b", User("b"));
        cache.Add("a", User("a2")); // replaced, not counted twice
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("a2", a.LoginName);
    }

    [Fact]
    public void Zero_seconds_turns_it_off()
    {
        var cache = new LookupCache(TimeSpan.Zero, 100, new FakeTimeProvider());
        cache.Add("alice", User("alice"));
        Assert.False(cache.TryGet("alice", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_found_account_is_remembered_for_the_configured_time_by_login_and_by_object_id()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var directory = new LdapUserDirectory(Repositories.Slapd(slapd) with { LookupCacheSeconds = 3 }, time: time);
        var alice = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.Equal(2, directory.Cache.Count);
        Assert.Same(alice, (await directory.FindByLoginAsync("alice", Ct)).User);
        Assert.Same(alice, (await directory.FindByObjectIdAsync(alice.ObjectId.ToUpperInvariant(), Ct)).User);

        time.Advance(TimeSpan.FromSeconds(3));
        var again = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.NotSame(alice, again);
        Assert.Equal((alice.DistinguishedName, alice.ObjectId), (again.DistinguishedName, again.ObjectId));
    }

    [Fact]
    public async Task Nothing_is_remembered_when_the_repository_turns_it_off()
    {
        using var directory = new LdapUserDirectory(Repositories.Slapd(slapd) with { LookupCacheSeconds = 0 });
        var first = (await directory.FindByLoginAsync("alice", Ct)).User!;
        Assert.NotSame(first, (await directory.FindByLoginAsync("alice", Ct)).User);
        Assert.Equal(0, directory.Cache.Count);
    }

    [Fact]
    public async Task A_changed_password_counts_at_once_although_the_account_is_remembered()
    {
        using var directory = new LdapUserDirectory(Repositories.Slapd(slapd) with { LookupCacheSeconds = 60 });
        var user = (await directory.FindByLoginAsync("user09", Ct)).User!;
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(user, "pw09", Ct));

        // The user changes it (an administrator's reset would make it "must change").
        await LdapTool("ldappasswd", null, SlapdFixture.UserDn("user09"), "pw09", "-s", "pw09-new");

        var remembered = (await directory.FindByLoginAsync("user09", Ct)).User!;
        Assert.Same(user, remembered);
        Assert.Equal(PasswordCheck.Wrong, await directory.VerifyPasswordAsync(remembered, "pw09", Ct));
        Assert.Equal(PasswordCheck.Ok, await directory.VerifyPasswordAsync(remembered, "pw09-new", Ct));
    }

    [Fact]
    public async Task An_account_not_found_is_not_remembered()
    {
        using var directory = new LdapUserDirectory(Repositories.Slapd(slapd) with { LookupCacheSeconds = 60 });
        Assert.Equal(LookupStatus.NotFound, (await directory.FindByLoginAsync("newcomer", Ct)).Status);

        await LdapTool("ldapadd", $"""
            dn: {SlapdFixture.UserDn("newcomer")}
            objectClass: inetOrgPerson
            uid: newcomer
            cn: New Comer
            sn: Comer
            userPassword: newcomerpw

            """, SlapdFixture.AdminDn, SlapdFixture.AdminPassword);

        Assert.Equal(LookupStatus.Found, (await directory.FindByLoginAsync("newcomer", Ct)).Status);
    }

    private async Task LdapTool(string tool, string? stdin, string bindDn, string bindPassword, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-x", "-H", slapd.Url, "-D", bindDn, "-w", bindPassword }.Concat(arguments))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
