using Microsoft.Extensions.Logging;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Enrollment;

/// <summary>
/// Enroll processes (api.md §7): start, step the method, cancel. Unlike logon, a failed step keeps the
/// process and sends the method back to its first step. Calls on one process are serialised.
/// </summary>
public sealed class EnrollEngine(
    IConfigurationSource configuration,
    IEnumerable<IEnrollableMethod> methods,
    IEnrollProcessStore processes,
    ILoginSessionStore loginSessions,
    IObjectLock locks,
    ITemplateStore templates,
    UserResolver users,
    SessionAuthorizer authorizer,
    MethodServices services,
    TimeProvider time,
    ILogger<EnrollEngine> logger)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IEnrollableMethod> _methods = methods.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public bool IsEnrollable(string methodId) => _methods.ContainsKey(methodId);

    public async Task<(EnrollProcess? Process, Outcome? Error)> StartAsync(
        LoginSession session, string methodId, string? userId, CancellationToken cancellationToken)
    {
        if (!_methods.ContainsKey(methodId)) return (null, Outcomes.MethodNotSupported);
        if (authorizer.MayManage(session, userId ?? session.UserId) is { } denied) return (null, denied);
        var now = time.GetUtcNow();
        var process = new EnrollProcess
        {
            Id = RandomIds.NewToken(), LoginSessionId = session.Id, MethodId = methodId, UserId = userId?.ToLowerInvariant(),
            Created = now, LastUsed = now,
        };
        await processes.AddAsync(process, cancellationToken);
        return (process, null);
    }

    public async Task<EnrollReply> StepAsync(
        string processId, LoginSession session, string? templateId, MethodInput input, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync("enroll:" + processId, LockTimeout, cancellationToken);
        if (held is null) return new EnrollReply(EnvelopeStatus.Failed, Outcomes.ProcessBusy, "");
        var process = await FindAsync(processId, session, cancellationToken);
        if (process is null) return EnrollReply.NotFound(processId);
        if (process.PendingReply is { } pending)
            return await processes.TryUpdateAsync(process with { PendingReply = null }, process.Version, cancellationToken)
                ? pending
                : new EnrollReply(EnvelopeStatus.Failed, Outcomes.ProcessBusy, process.MethodId);
        if (process.Result is not null) return new EnrollReply(EnvelopeStatus.Failed, Outcomes.EnrollmentAlreadyDone, process.MethodId);
        return await RunStepAsync(process, session, templateId, input, cancellationToken);
    }

    /// <summary>
    /// A step through a method's sub-protocol (FIDO2 enroll, methods.md §10.5), where the process id is the
    /// credential: the process must be live, of <paramref name="methodId"/> and not finished; a
    /// <paramref name="userName"/> must name its bound user. OK and FAILED verdicts are also kept for the
    /// client's next <c>do_enroll</c>.
    /// </summary>
    public async Task<EnrollReply> StepSubProtocolAsync(
        string processId, string methodId, string? userName, MethodInput input, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync("enroll:" + processId, LockTimeout, cancellationToken);
        if (held is null) return new EnrollReply(EnvelopeStatus.Failed, Outcomes.ProcessBusy, "");
        var stored = await processes.GetAsync(processId, cancellationToken);
        var session = stored is null ? null : await loginSessions.GetAsync(stored.LoginSessionId, cancellationToken);
        var process = session is null ? null : await FindAsync(processId, session, cancellationToken);
        if (process is null || session is null || process.MethodId != methodId || process.Result is not null)
            return EnrollReply.NotFound(processId);
        if (userName is not null)
        {
            var named = (await users.ResolveAsync(userName, cancellationToken)).User;
            if (named is null || !string.Equals(named.UserId, process.UserId, StringComparison.OrdinalIgnoreCase))
                return new EnrollReply(EnvelopeStatus.Failed, Outcomes.EnrollProcessMismatch, process.MethodId);
        }
        return await RunStepAsync(process, session, null, input, cancellationToken, keepVerdict: true);
    }

    private async Task<EnrollReply> RunStepAsync(
        EnrollProcess process, LoginSession session, string? templateId, MethodInput input, CancellationToken cancellationToken,
        bool keepVerdict = false)
    {
        var binding = await BindAsync(process, session, templateId, cancellationToken);
        if (binding.Error is { } refused) return new EnrollReply(EnvelopeStatus.Failed, refused, process.MethodId);
        process = binding.Process!;
        var user = process.UserId is null ? null : await users.FindByIdAsync(process.UserId, cancellationToken);
        var own = user is null ? [] : (await templates.ListAsync(user.UserId, cancellationToken)).Where(t => t.MethodId == process.MethodId).ToList();
        var context = new EnrollContext
        {
            User = user,
            SessionUser = user is null ? await users.FindByIdAsync(session.UserId, cancellationToken) : null,
            Existing = binding.Template,
            OtherTemplates = own.Where(t => t.Id != binding.Template?.Id).ToList(),
            Policies = configuration.Current.Policies,
            State = process.State,
            Time = time,
            Random = services.Random,
            Secrets = services.Secrets,
            PublicUrl = services.PublicUrl.Current,
        };
        var step = await MethodGuard.EnrollAsync(_methods[process.MethodId], context, input, logger, cancellationToken);
        return await ApplyAsync(process, session, step, keepVerdict, cancellationToken);
    }

    public async Task CancelAsync(string processId, LoginSession session, CancellationToken cancellationToken)
    {
        if (await FindAsync(processId, session, cancellationToken) is not null) await processes.RemoveAsync(processId, cancellationToken);
    }

    /// <summary>The live process of this login session; null for unknown, expired or foreign ones.</summary>
    public async Task<EnrollProcess?> FindAsync(string processId, LoginSession session, CancellationToken cancellationToken)
    {
        var process = await processes.GetAsync(processId, cancellationToken);
        if (process is null || process.LoginSessionId != session.Id) return null;
        var policy = configuration.Current.Policies.Sessions;
        var now = time.GetUtcNow();
        if (now - process.LastUsed >= TimeSpan.FromSeconds(policy.EnrollProcessIdleTimeout) ||
            now - process.Created >= TimeSpan.FromSeconds(policy.EnrollProcessMaxLifetime))
        {
            await processes.RemoveAsync(processId, cancellationToken);
            return null;
        }
        return process;
    }

    /// <summary>Binds the process to a user (api.md §7.1) when it is still unbound, checking the session's rights.</summary>
    public Outcome? TryBind(EnrollProcess process, LoginSession session, string userId, out EnrollProcess bound)
    {
        bound = process;
        if (process.UserId is { } existing)
            return string.Equals(existing, userId, StringComparison.OrdinalIgnoreCase) ? null : Outcomes.EnrollProcessMismatch;
        if (authorizer.MayManage(session, userId) is { } denied) return denied;
        bound = process with { UserId = userId.ToLowerInvariant() };
        return null;
    }

    private async Task<(EnrollProcess? Process, Template? Template, Outcome? Error)> BindAsync(
        EnrollProcess process, LoginSession session, string? templateId, CancellationToken cancellationToken)
    {
        templateId ??= process.TemplateId;
        if (templateId is null) return (process, null, null);
        var template = await templates.GetAsync(templateId, cancellationToken);
        if (template is null || template.MethodId != process.MethodId) return (null, null, Outcomes.EnrollProcessMismatch);
        if (TryBind(process, session, template.UserId, out var bound) is { } refused) return (null, null, refused);
        return (bound with { TemplateId = template.Id }, template, null);
    }

    private async Task<EnrollReply> ApplyAsync(
        EnrollProcess process, LoginSession session, EnrollStep step, bool keepVerdict, CancellationToken cancellationToken)
    {
        var next = process with { LastUsed = time.GetUtcNow() };
        EnrollReply reply;
        switch (step)
        {
            case EnrollStep.MoreData more:
                if (more.BindUserId is { } userId && TryBind(next, session, userId, out next) is { } refused)
                    return new EnrollReply(EnvelopeStatus.Failed, refused, process.MethodId);
                next = next with { State = more.NewState };
                reply = new EnrollReply(EnvelopeStatus.MoreData, more.Outcome, process.MethodId) { Extras = step.Extras };
                break;
            case EnrollStep.Done done:
                next = next with { State = null, Result = done.Authenticator };
                reply = new EnrollReply(EnvelopeStatus.Ok, Outcomes.Enrolled, process.MethodId) { Extras = step.Extras };
                break;
            case EnrollStep.Failed failed:
                // Enrollment is form-like (api.md §7.2): the process stays and the method starts over.
                next = next with { State = null };
                reply = new EnrollReply(EnvelopeStatus.Failed, failed.Outcome, process.MethodId) { Extras = step.Extras };
                break;
            default:
                throw new InvalidOperationException($"Unknown enroll step {step.GetType().Name}.");
        }
        if (keepVerdict && reply.Status != EnvelopeStatus.MoreData) next = next with { PendingReply = reply };
        return await processes.TryUpdateAsync(next, process.Version, cancellationToken)
            ? reply
            : new EnrollReply(EnvelopeStatus.Failed, Outcomes.ProcessBusy, process.MethodId);
    }
}
