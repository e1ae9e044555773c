using System.Text;
using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Enrollment;

public sealed class EnrollEngineTests
{
    private readonly LogonHarness _h = new([LogonHarness.Chain("c1", "Password only", MethodIds.Password)],
        events: [
            new EventDefinition { Id = "e1", Name = "Authenticators Management", ChainIds = ["c1"], Scope = ManagementScope.Self },
            new EventDefinition { Id = "e2", Name = "Helpdesk", ChainIds = ["c1"], Scope = ManagementScope.Helpdesk },
            new EventDefinition { Id = "e3", Name = "Default", ChainIds = ["c1"], Scope = ManagementScope.None },
        ]);
    private readonly FakeEnrollProcessStore _processes = new();
    private readonly EnrollEngine _engine;
    private readonly TemplateService _templates;

    public EnrollEngineTests()
    {
        var registry = new Directories.DirectoryRegistry(_h.Directory, _h.Users);
        var resolver = new UserResolver(registry, _h.Users, _h.Configuration);
        var authorizer = new SessionAuthorizer(_h.Configuration);
        _engine = new EnrollEngine(_h.Configuration, [new EchoEnrollableMethod()], _processes, _h.LoginSessions, new FakeObjectLock(), _h.Templates,
            resolver, authorizer, _h.Services, _h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EnrollEngine>.Instance);
        _templates = new TemplateService(_h.Templates, _processes, _engine, new MethodRegistry([]), new TemplateSelector(_h.Templates, _h.Time),
            resolver, authorizer, _h.Services.Secrets, _h.Configuration, _h.Time);
    }

    [Fact]
    public async Task Enroll_ThenSave_SealsTheSecretForItsOwner()
    {
        var (session, userId) = await LoginAsync("alice", "Authenticators Management");
        var (process, _) = await _engine.StartAsync(session, MethodIds.Totp, null, default);

        var first = await _engine.StepAsync(process!.Id, session, null, MethodInput.None, default);
        var done = await _engine.StepAsync(process.Id, session, null, Input("secret", "s3cr3t"), default);
        var again = await _engine.StepAsync(process.Id, session, null, Input("secret", "x"), default);
        var (templateId, error) = await _templates.CreateAsync(session, userId, process.Id, "", "phone", default);

        Assert.Equal((EnvelopeStatus.MoreData, Outcomes.DataRequired), (first.Status, first.Outcome));
        Assert.Equal((EnvelopeStatus.Ok, Outcomes.Enrolled, MethodIds.Totp), (done.Status, done.Outcome, done.MethodId));
        Assert.Equal(Outcomes.EnrollmentAlreadyDone, again.Outcome);
        Assert.Null(error);
        var template = (await _h.Templates.GetAsync(templateId!, default))!;
        Assert.Equal((userId, "phone", "{\"len\": 6}"), (template.UserId, template.Comment, template.Data));
        Assert.NotEqual("s3cr3t", Encoding.UTF8.GetString(template.Secret));
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(_h.Services.Secrets.Open(template)));
        Assert.Null(await _engine.FindAsync(process.Id, session, default));
    }

    [Fact]
    public async Task FailedStep_KeepsTheProcess_AndStartsTheMethodOver()
    {
        var (session, _) = await LoginAsync("alice", "Authenticators Management");
        var (process, _) = await _engine.StartAsync(session, MethodIds.Totp, null, default);
        await _engine.StepAsync(process!.Id, session, null, MethodInput.None, default);

        var failed = await _engine.StepAsync(process.Id, session, null, Input("secret", "bad"), default);
        var withoutRestart = await _engine.StepAsync(process.Id, session, null, Input("secret", "good"), default);
        await _engine.StepAsync(process.Id, session, null, MethodInput.None, default);
        var afterRestart = await _engine.StepAsync(process.Id, session, null, Input("secret", "good"), default);

        Assert.Equal(EnvelopeStatus.Failed, failed.Status);
        Assert.Equal(EnvelopeStatus.Failed, withoutRestart.Status);
        Assert.Equal(EnvelopeStatus.Ok, afterRestart.Status);
    }

    [Fact]
    public async Task ThrowingStep_FailsClosedWithMethodError_AndTheMethodStartsOver()
    {
        var (session, _) = await LoginAsync("alice", "Authenticators Management");
        var (process, _) = await _engine.StartAsync(session, MethodIds.Totp, null, default);
        await _engine.StepAsync(process!.Id, session, null, MethodInput.None, default);

        var failed = await _engine.StepAsync(process.Id, session, null, Input("secret", "throw"), default);
        await _engine.StepAsync(process.Id, session, null, MethodInput.None, default);
        var afterRestart = await _engine.StepAsync(process.Id, session, null, Input("secret", "good"), default);

        Assert.Equal((EnvelopeStatus.Failed, Outcomes.EnrollMethodError), (failed.Status, failed.Outcome));
        Assert.Equal(("OAAF-3144", "METHOD_ERROR"), (failed.Outcome.MsgId, failed.Outcome.Reason));
        Assert.Equal(EnvelopeStatus.Ok, afterRestart.Status);
    }

    [Fact]
    public async Task ForeignAndUnknownProcesses_AreNotFound()
    {
        var (alice, _) = await LoginAsync("alice", "Authenticators Management");
        var (bob, _) = await LoginAsync("bob", "Authenticators Management");
        var (process, _) = await _engine.StartAsync(alice, MethodIds.Totp, null, default);

        var foreign = await _engine.StepAsync(process!.Id, bob, null, MethodInput.None, default);
        var unknown = await _engine.StepAsync("nope", alice, null, MethodInput.None, default);

        Assert.Equal(Outcomes.EnrollProcessNotFound, foreign.Outcome);
        Assert.Equal("Enrollment process is not found nope", unknown.Message);
        Assert.Equal("", unknown.MethodId);
    }

    [Fact]
    public async Task SelfSessions_ManageOnlyTheirOwner_HelpdeskOperatorsAnyone_NoneNothing()
    {
        var (alice, aliceId) = await LoginAsync("alice", "Authenticators Management");
        var (bob, bobId) = await LoginAsync("bob", "Authenticators Management");
        var (operatorSession, _) = await LoginAsync("admin", "Helpdesk", "FULL ADMINS");
        var (plain, _) = await LoginAsync("carol", "Helpdesk");
        var (none, _) = await LoginAsync("dave", "Default");

        Assert.Equal(Outcomes.AccessDenied, (await _engine.StartAsync(alice, MethodIds.Totp, bobId, default)).Error);
        Assert.Null((await _engine.StartAsync(alice, MethodIds.Totp, aliceId, default)).Error);
        Assert.Null((await _engine.StartAsync(operatorSession, MethodIds.Totp, bobId, default)).Error);
        Assert.Equal(Outcomes.AccessDenied, (await _engine.StartAsync(plain, MethodIds.Totp, bobId, default)).Error);
        Assert.Equal(Outcomes.AccessDenied, (await _engine.StartAsync(none, MethodIds.Totp, null, default)).Error);
        Assert.Equal(Outcomes.MethodNotSupported, (await _engine.StartAsync(bob, "FINGER:1", null, default)).Error);
    }

    [Fact]
    public async Task SavingForAnotherUser_ThanTheProcessIsBoundTo_IsAMismatch_AndDuplicatesConflict()
    {
        var (session, userId) = await LoginAsync("admin", "Helpdesk", "FULL ADMINS");
        var (_, bobId) = await LoginAsync("bob", "Authenticators Management");
        var first = await FinishedAsync(session, userId);
        var second = await FinishedAsync(session, userId);
        var incomplete = (await _engine.StartAsync(session, MethodIds.Totp, null, default)).Process!;

        var mismatch = await _templates.CreateAsync(session, bobId, first, "", "", default);
        var saved = await _templates.CreateAsync(session, userId, first, "", "", default);
        var duplicate = await _templates.CreateAsync(session, userId, second, "", "", default);
        var otherCategory = await _templates.CreateAsync(session, userId, second, "0001", "", default);
        var notDone = await _templates.CreateAsync(session, userId, incomplete.Id, "", "", default);
        var noCategory = await _templates.CreateAsync(session, userId, (await FinishedAsync(session, userId)), "9999", "", default);

        Assert.Equal(Outcomes.EnrollProcessMismatch, mismatch.Error);
        Assert.NotNull(saved.TemplateId);
        Assert.Equal(Outcomes.MethodExistsInCategory, duplicate.Error);
        Assert.NotNull(otherCategory.TemplateId);
        Assert.Equal(Outcomes.EnrollNotComplete, notDone.Error);
        Assert.Equal(Outcomes.CategoryNotFound, noCategory.Error);
    }

    [Fact]
    public async Task Reenrolment_ReplacesTheSecret_AndDropsTheLogonStateOfTheOldOne()
    {
        var (session, userId) = await LoginAsync("alice", "Authenticators Management");
        var (templateId, _) = await _templates.CreateAsync(session, userId, await FinishedAsync(session, userId), "", "", default);
        var stored = (await _h.Templates.GetAsync(templateId!, default))!;
        Assert.True(await _h.Templates.TryUpdateAsync(stored with { LogonState = """{"last_used_step":99}""" }, stored.Version, default));
        var counted = (await _h.Templates.GetAsync(templateId!, default))!;

        var renamed = await _templates.ModifyAsync(session, counted, "renamed", null, default);
        var afterRename = (await _h.Templates.GetAsync(templateId!, default))!;
        var reenrolled = await _templates.ModifyAsync(session, afterRename, null, await FinishedAsync(session, userId), default);
        var afterReenrolment = (await _h.Templates.GetAsync(templateId!, default))!;

        Assert.Null(renamed);
        Assert.Equal("""{"last_used_step":99}""", afterRename.LogonState);
        Assert.Null(reenrolled);
        Assert.Null(afterReenrolment.LogonState);
        Assert.NotEqual(counted.Secret, afterReenrolment.Secret);
    }

    private async Task<string> FinishedAsync(LoginSession session, string userId)
    {
        var (process, _) = await _engine.StartAsync(session, MethodIds.Totp, userId, default);
        await _engine.StepAsync(process!.Id, session, null, MethodInput.None, default);
        await _engine.StepAsync(process.Id, session, null, Input("secret", "k"), default);
        return process.Id;
    }

    private async Task<(LoginSession Session, string UserId)> LoginAsync(string name, string eventName, params string[] roles)
    {
        await _h.AddLocalUserAsync(name, "pw", roles);
        var resolved = await new UserResolver(new Directories.DirectoryRegistry(_h.Directory, _h.Users), _h.Users, _h.Configuration)
            .ResolveAsync(name, default);
        var user = resolved.User!;
        var session = await new LoginSessionService(_h.LoginSessions, _h.Configuration, _h.Time)
            .CreateAsync(user, _h.Configuration.Current.FindEvent(eventName)!, _h.Configuration.Current.Chains[0], "ep", default);
        return (session, user.UserId);
    }

    private static MethodInput Input(string key, string value) =>
        new(JsonSerializer.SerializeToElement(new Dictionary<string, string> { [key] = value }));
}
