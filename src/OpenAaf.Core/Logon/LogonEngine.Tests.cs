using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Logon;

// Template tests (api.md §8.5): a logon of one template's method against that template only, started by a
// login session, that never creates a login session and never resets the failure counter.
public sealed partial class LogonEngine
{
    /// <summary>Starts a test process and performs its first step with <paramref name="input"/>.</summary>
    public async Task<LogonReply> StartTestAsync(
        LoginSession session, AuthenticatedUser user, Template template, MethodInput input, CancellationToken cancellationToken)
    {
        if (methods.Find(template.MethodId) is null) return Outcomes.MethodNotSupported;
        var now = time.GetUtcNow();
        var process = new LogonProcess
        {
            Id = RandomIds.NewToken(),
            EndpointSessionId = "",
            EndpointId = session.EndpointId,
            User = user,
            EventName = "",
            OfferedChains = [],
            CategoryId = template.CategoryId,
            CurrentMethod = template.MethodId,
            TestTemplateId = template.Id,
            LoginSessionId = session.Id,
            Created = now,
            LastUsed = now,
        };
        await processes.AddAsync(process, cancellationToken);
        return await ContinueTestAsync(process.Id, session, input, cancellationToken);
    }

    /// <summary>A later step of a test process of this login session; 444 for any other process.</summary>
    public Task<LogonReply> ContinueTestAsync(string processId, LoginSession session, MethodInput input, CancellationToken cancellationToken) =>
        WithProcessAsync(configuration.Current, processId, p => p.IsTest && p.LoginSessionId == session.Id, cancellationToken,
            (config, p, ct) => AnswerLockedAsync(config, p, input, ct));

    /// <summary>The event-less view a test envelope shows: names empty, every category allowed.</summary>
    internal static EventDefinition TestEvent(LogonProcess process) => new() { Id = "", Name = "", Type = "", AllCategories = true };

    private async Task<IReadOnlyList<Template>> TestTemplatesAsync(LogonProcess process, CancellationToken cancellationToken) =>
        await templateStore.GetAsync(process.TestTemplateId!, cancellationToken) is { } template && template.UserId == process.User.UserId
            ? [template]
            : [];

    private async Task<LogonReply> PassTestAsync(
        ConfigurationSnapshot config, LogonProcess before, LogonProcess done, EventDefinition @event, MethodStep.Passed passed)
    {
        if (!await processes.TryUpdateAsync(done, before.Version, Committed)) return Outcomes.ProcessBusy;
        await EndAsync(done);
        var result = LogonResults.Create(config, done, @event, EnvelopeStatus.Ok, Outcomes.Welcome, passed);
        await AuditAsync("template.test", result, Committed);
        return result;
    }
}
