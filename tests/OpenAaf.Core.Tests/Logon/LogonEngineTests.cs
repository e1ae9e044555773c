using System.Text;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Logon;

public sealed class LogonEngineTests
{
    private static readonly ChainDefinition LdapOnly = LogonHarness.Chain("c0", "LDAP only", MethodIds.LdapPassword);
    private static readonly ChainDefinition PasswordOnly = LogonHarness.Chain("c1", "Password only", MethodIds.Password);
    private static readonly ChainDefinition LdapAndPassword = LogonHarness.Chain("c2", "LDAP + Password", MethodIds.LdapPassword, MethodIds.Password);

    [Fact]
    public async Task Start_ThenRightLdapPassword_IsOkWithLoginSessionAndAutoCreatedTemplate()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");

        var started = await h.StartAsync("denis", MethodIds.LdapPassword);
        var reply = await h.AnswerAsync(started, "novell");

        Assert.Equal(EnvelopeStatus.MoreData, started.Status);
        Assert.Equal(Outcomes.ProcessStarted, started.Outcome);
        Assert.Equal(EnvelopeStatus.Ok, reply.Result!.Status);
        Assert.Equal(Outcomes.Welcome, reply.Result.Outcome);
        Assert.NotNull(reply.Result.LoginSessionId);
        Assert.Equal("LDAP only", reply.Result.CompletedChain!.Chain.Name);
        var template = Assert.Single(await h.Templates.ListAsync(started.Process.User.UserId, default));
        Assert.Equal(TemplateSelector.AutoCreatedComment, template.Comment);
        Assert.Equal(template.Id, reply.Result.CompletedTemplateId);
        Assert.Equal("JAGUAR\\denis", reply.Result.Process.User.UserName);
    }

    [Fact]
    public async Task TwoMethodChain_GoesThroughNextAndRepeatsNextWithoutSideEffects()
    {
        var h = new LogonHarness([LdapAndPassword]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis", MethodIds.LdapPassword);
        await AddPasswordTemplateAsync(h, started.Process.User.UserId, "Second1!");

        var next = await h.AnswerAsync(started, "novell");
        var repeated = await h.AnswerAsync(started, "anything");
        var selected = await h.Engine.NextAsync(started.Process.Id, h.Session.Id, MethodIds.Password, default);
        var ok = await h.AnswerAsync(started, "Second1!");

        Assert.Equal(EnvelopeStatus.Next, next.Result!.Status);
        Assert.Equal(Outcomes.Next, next.Result.Outcome);
        Assert.Equal(EnvelopeStatus.Next, repeated.Result!.Status);
        Assert.Equal(1, h.Directory.Binds);
        Assert.Equal(EnvelopeStatus.MoreData, selected.Result!.Status);
        Assert.Equal(MethodIds.Password, selected.Result.Process.CurrentMethod);
        Assert.Equal([MethodIds.LdapPassword], selected.Result.Process.CompletedMethods);
        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.Equal([MethodIds.LdapPassword, MethodIds.Password], ok.Result.Process.CompletedMethods);
    }

    [Fact]
    public async Task WrongPassword_FailsAndEndsTheProcess()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");

        var failed = await h.AnswerAsync(started, "wrong");
        var after = await h.AnswerAsync(started, "novell");

        Assert.Equal(EnvelopeStatus.Failed, failed.Result!.Status);
        Assert.Equal(Outcomes.PasswordWrong, failed.Result.Outcome);
        Assert.Equal(Outcomes.LogonProcessNotFound, after.Error);
    }

    [Fact]
    public async Task NoAnswer_AsksForIt_AndEmptyAnswerFailsWithoutABind()
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell");
        var started = await h.StartAsync("denis");

        var prompt = await h.AnswerAsync(started, null);
        var empty = await h.AnswerAsync(started, "");

        Assert.Equal(Outcomes.AnswerRequired, prompt.Result!.Outcome);
        Assert.Equal(EnvelopeStatus.MoreData, prompt.Result.Status);
        Assert.Equal(Outcomes.PasswordWrong, empty.Result!.Outcome);
        Assert.Equal(0, h.Directory.Binds);
    }

    [Theory]
    [InlineData(PasswordCheck.AccountDisabled, "LDAP_ACCOUNT_DISABLED")]
    [InlineData(PasswordCheck.MustChange, "LDAP_PASSWORD_MUST_CHANGE")]
    [InlineData(PasswordCheck.AccountExpired, "LDAP_ACCOUNT_EXPIRED")]
    [InlineData(PasswordCheck.PasswordExpired, "LDAP_PASSWORD_EXPIRED")]
    [InlineData(PasswordCheck.AccountLocked, "LDAP_ACCOUNT_LOCKED")]
    [InlineData(PasswordCheck.LogonNotPermitted, "LDAP_LOGON_NOT_PERMITTED")]
    public async Task DirectoryAccountStates_HaveTheirOwnReasonAndDoNotCountForLockout(PasswordCheck check, string reason)
    {
        var h = new LogonHarness([LdapOnly]);
        h.Directory.Add("denis", "novell", onRightPassword: check);
        var started = await h.StartAsync("denis");

        var failed = await h.AnswerAsync(started, "novell");

        Assert.Equal(reason, failed.Result!.Outcome.Reason);
        Assert.Equal(0, (await h.Lockouts.GetAsync(started.Process.User.UserId, h.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task LocalUser_HasNoLdapPassword()
    {
        var h = new LogonHarness([LdapOnly, PasswordOnly]);
        await h.AddLocalUserAsync("ADMIN", "Adm1n!pass", "FULL ADMINS");
        var started = await h.StartAsync("LOCAL\\admin", MethodIds.LdapPassword);

        var failed = await h.AnswerAsync(started, "Adm1n!pass");

        Assert.Equal(Outcomes.MethodNotEnrolled, failed.Result!.Outcome);
    }

    [Fact]
    public async Task LocalUser_PasswordChain_IsOkAndReportsRoles()
    {
        var h = new LogonHarness([PasswordOnly]);
        await h.AddLocalUserAsync("ADMIN", "Adm1n!pass", "FULL ADMINS");
        var started = await h.StartAsync("admin");

        var ok = await h.AnswerAsync(started, "Adm1n!pass");

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.Equal("LOCAL\\ADMIN", ok.Result.Process.User.UserName);
        Assert.Equal(["FULL ADMINS"], ok.Result.Process.User.Roles);
        Assert.False(ok.Result.FromDirectory);
    }

    private static async Task AddPasswordTemplateAsync(LogonHarness h, string userId, string password) =>
        await h.Templates.TryAddAsync(new Template
        {
            Id = RandomIds.NewHexId(), UserId = userId, MethodId = MethodIds.Password,
            Secret = Encoding.UTF8.GetBytes(h.Hasher.Hash(password)),
        }, default);
}
