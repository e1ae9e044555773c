using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Logon;

public sealed class LogonEngineRulesTests
{
    private static readonly ChainDefinition LdapOnly = LogonHarness.Chain("c0", "LDAP only", MethodIds.LdapPassword);
    private static readonly ChainDefinition PasswordOnly = LogonHarness.Chain("c1", "Password only", MethodIds.Password);

    [Fact]
    public async Task Start_ChecksEventUserMethodAndRuleM()
    {
        var h = new LogonHarness([PasswordOnly]);
        h.Directory.Add("denis", "novell");
        var session = h.Session;

        Assert.Equal(Outcomes.EventNotFound, (await h.Engine.StartAsync(new(session, "denis", null, "Nope", null), default)).Error);
        Assert.Equal(Outcomes.UserNotFound, (await h.Engine.StartAsync(new(session, "nobody", null, "Authenticators Management", null), default)).Error);
        Assert.Equal(Outcomes.MethodNotSupported, (await h.Engine.StartAsync(new(session, "denis", "SMARTPHONE:1", "Authenticators Management", null), default)).Error);
        Assert.Equal(Outcomes.MethodNotInChains, (await h.Engine.StartAsync(new(session, "denis", MethodIds.LdapPassword, "Authenticators Management", null), default)).Error);
        Assert.Equal(Outcomes.CategoryNotFound, (await h.Engine.StartAsync(new(session, "denis", null, "Authenticators Management", "9999"), default)).Error);
    }

    [Fact]
    public async Task OfferedChains_KeepTheirPositions_AndFollowGroupsAndEnabled()
    {
        var chains = new[]
        {
            LogonHarness.Chain("c0", "Admins", MethodIds.Password) with { Groups = ["JAGUAR\\admins"] },
            LdapOnly with { Id = "c1" },
            LogonHarness.Chain("c2", "Disabled", MethodIds.Password) with { Enabled = false },
            LogonHarness.Chain("c3", "Staff", MethodIds.LdapPassword, MethodIds.Password) with { Groups = ["staff"] },
        };
        var h = new LogonHarness(chains);
        h.Directory.Add("denis", "novell", groups: ["staff"]);

        var started = await h.StartAsync("denis");

        Assert.Equal([("c1", 1), ("c3", 3)], started.Chains.Select(c => (c.Chain.Id, c.Position)));
        Assert.Equal(MethodIds.LdapPassword, started.Process.CurrentMethod);
    }

    [Fact]
    public async Task Completion_PrefersTheLongestCoveredChain()
    {
        var chains = new[] { LdapOnly, LogonHarness.Chain("c9", "LDAP twice", MethodIds.LdapPassword) };
        var h = new LogonHarness(chains);
        h.Directory.Add("denis", "novell");

        var ok = await h.AnswerAsync(await h.StartAsync("denis"), "novell");

        Assert.Equal("c0", ok.Result!.CompletedChain!.Chain.Id);
        Assert.Equal(0, ok.Result.CompletedChain.Position);
    }

    [Fact]
    public async Task Next_RefusesCompletedAndForeignMethods_LeavingTheProcessUsable()
    {
        var h = new LogonHarness([LogonHarness.Chain("c2", "LDAP + Password", MethodIds.LdapPassword, MethodIds.Password)]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");
        await h.AnswerAsync(started, "novell");

        var again = await h.Engine.NextAsync(started.Process.Id, h.Session.Id, MethodIds.LdapPassword, default);
        var foreign = await h.Engine.NextAsync(started.Process.Id, h.Session.Id, MethodIds.Totp, default);
        var good = await h.Engine.NextAsync(started.Process.Id, h.Session.Id, MethodIds.Password, default);

        Assert.Equal(Outcomes.MethodAlreadyCompleted, again.Error);
        Assert.Equal(Outcomes.MethodNotSupported, foreign.Error);
        Assert.Equal(EnvelopeStatus.MoreData, good.Result!.Status);
    }

    [Fact]
    public async Task Process_FromAnotherEndpointSession_IsNotFound()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");

        var reply = await h.Engine.AnswerAsync(started.Process.Id, "another-session", LogonHarness.Input("novell"), default);

        Assert.Equal(Outcomes.LogonProcessNotFound, reply.Error);
        Assert.Equal(0, h.Directory.Binds);
    }

    [Fact]
    public async Task Process_ExpiresWhenIdle()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");

        h.Time.Advance(TimeSpan.FromSeconds(PolicySet.Defaults.Sessions.LogonProcessIdleTimeout));
        var reply = await h.AnswerAsync(started, "novell");

        Assert.Equal(Outcomes.LogonProcessNotFound, reply.Error);
    }

    [Fact]
    public async Task ConcurrentAnswers_OnlyOneSucceeds()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.AnswerAsync(started, "novell"))));

        Assert.Single(replies, r => r.Result?.Status == EnvelopeStatus.Ok);
        Assert.All(replies.Where(r => r.Result is null), r => Assert.Equal(Outcomes.LogonProcessNotFound, r.Error));
        Assert.Single(replies, r => r.Result?.LoginSessionId is not null);
    }

    [Fact]
    public async Task DirectoryOutage_Throws_AndKeepsTheProcess()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");
        h.Directory.Down = true;

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => h.AnswerAsync(started, "novell"));
        h.Directory.Down = false;
        var ok = await h.AnswerAsync(started, "novell");

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
    }
}
