using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Logon;

public sealed class LockoutTests
{
    private static readonly ChainDefinition LdapOnly = LogonHarness.Chain("c0", "LDAP only", MethodIds.LdapPassword);

    [Fact]
    public async Task ThreeWrongPasswords_LockWithoutFurtherVerification_UntilThePeriodEnds()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        for (var i = 0; i < 3; i++)
            Assert.Equal(Outcomes.PasswordWrong, (await h.AnswerAsync(await h.StartAsync("denis"), "bad")).Result!.Outcome);

        var (chains, _) = await h.Chains.ForUserAsync(h.Session, "denis", "Authenticators Management", default);
        var locked = await h.AnswerAsync(await h.StartAsync("denis"), "novell");
        var bindsWhileLocked = h.Directory.Binds;
        h.Time.Advance(TimeSpan.FromSeconds(301));
        var unlocked = await h.AnswerAsync(await h.StartAsync("denis"), "novell");

        Assert.True(chains!.UserIsLocked);
        Assert.Equal(Outcomes.UserLocked, locked.Result!.Outcome);
        Assert.Equal(EnvelopeStatus.Failed, locked.Result.Status);
        Assert.Equal(3, bindsWhileLocked);
        Assert.Equal(EnvelopeStatus.Ok, unlocked.Result!.Status);
    }

    [Fact]
    public async Task Ok_ResetsTheCounter()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        await h.AnswerAsync(await h.StartAsync("denis"), "bad");
        await h.AnswerAsync(await h.StartAsync("denis"), "bad");

        var ok = await h.AnswerAsync(await h.StartAsync("denis"), "novell");
        await h.AnswerAsync(await h.StartAsync("denis"), "bad");

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.Equal(1, (await h.Lockouts.GetAsync(ok.Result.Process.User.UserId, h.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task NextOnALockedUser_FailsWithUserLocked()
    {
        var h = new LogonHarness([LogonHarness.Chain("c2", "LDAP + Password", MethodIds.LdapPassword, MethodIds.Password)]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");
        await h.AnswerAsync(started, "novell");
        for (var i = 0; i < 3; i++) await h.AnswerAsync(await h.StartAsync("denis"), "bad");

        var next = await h.Engine.NextAsync(started.Process.Id, h.Session.Id, MethodIds.Password, default);

        Assert.Equal(Outcomes.UserLocked, next.Result!.Outcome);
    }
}
