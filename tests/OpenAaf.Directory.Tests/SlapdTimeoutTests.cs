using System.Diagnostics;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Testing;
using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>Servers that accept connections and never answer (own class: its waits run in parallel with the rest).</summary>
public sealed class SlapdTimeoutTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LdapUserDirectory Directory(RepositoryDefinition? repository = null) => new(repository ?? Repositories.Slapd(slapd));

    [Fact]
    public async Task Server_that_never_answers_times_out()
    {
        using var hung = new HungLdapServer(answerBind: false);
        using var directory = Directory(Repositories.Slapd(slapd, hung.Url) with { TimeoutSeconds = 1 });
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
        var alice = new DirectoryUser { RepositoryName = "EXAMPLE", LoginName = "alice", ObjectId = new string('a', 32), DistinguishedName = SlapdFixture.UserDn("alice") };
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.VerifyPasswordAsync(alice, "alicepw", Ct).AsTask());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Search_that_never_answers_times_out()
    {
        // Binds fine, then never answers the search: S.DS.P alone would wait about 71 minutes.
        using var hung = new HungLdapServer(answerBind: true);
        using var directory = Directory(Repositories.Slapd(slapd, hung.Url) with { TimeoutSeconds = 1 });
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindByLoginAsync("alice", Ct).AsTask());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(hung.Connections >= 1);
    }

    [Fact]
    public async Task Cancellation_while_waiting_for_a_slot()
    {
        using var hung = new HungLdapServer(answerBind: false);
        using var directory = Directory(Repositories.Slapd(slapd, hung.Url) with { MaxConcurrency = 1, TimeoutSeconds = 1 });
        var busy = directory.FindByLoginAsync("alice", Ct).AsTask();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => directory.FindByLoginAsync("alice", cts.Token).AsTask());
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => busy);
    }
}
