using OpenAaf.Core.Auditing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Chains;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Logon;

/// <summary>
/// The logon state machine of api.md §5: start, answer the current method, select the next method,
/// abort. Calls on one process are serialised by <see cref="IObjectLock"/> and saved with
/// compare-and-set, so two concurrent answers can never both succeed.
/// </summary>
public sealed partial class LogonEngine(
    IConfigurationSource configuration,
    UserResolver users,
    MethodRegistry methods,
    TemplateSelector templates,
    ILogonProcessStore processes,
    IObjectLock locks,
    LockoutService lockout,
    LoginSessionService loginSessions,
    ITemplateStore templateStore,
    IAuditSink audit,
    MethodServices services,
    TimeProvider time)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    public async Task<LogonReply> StartAsync(StartLogonRequest request, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        // One endpoint may hold only so many processes (SessionOptions.max_logon_processes): 429, never a new process.
        if (await processes.CountByEndpointAsync(request.EndpointSession.EndpointId, cancellationToken) >= config.Policies.Sessions.MaxLogonProcesses)
            return Outcomes.TooManyRequests;
        var endpoint = config.FindEndpoint(request.EndpointSession.EndpointId);
        var eventName = string.IsNullOrEmpty(request.EventName) ? config.Policies.Login.DefaultEvent : request.EventName;
        var @event = config.FindEvent(eventName);
        if (@event is null) return Outcomes.EventNotFound;
        if (!@event.Enabled || (@event.Endpoints.Count > 0 &&
            !@event.Endpoints.Contains(endpoint?.Name ?? "", StringComparer.OrdinalIgnoreCase)))
            return Outcomes.EventNotAllowed;

        var resolution = await users.ResolveAsync(request.UserName, cancellationToken);
        if (resolution.User is not { } user) return resolution.Error!;
        if (request.MethodId is { } requested && methods.Find(requested) is null) return Outcomes.MethodNotSupported;

        var category = request.CategoryId ?? "";
        if (category.Length > 0 && (config.FindCategory(category) is null ||
            (!@event.AllCategories && !@event.Categories.Contains(category, StringComparer.Ordinal))))
            return Outcomes.CategoryNotFound;

        var offered = ChainOffering.Offer(config, @event, user, endpoint);
        if (offered.Count == 0) return Outcomes.NoChains;
        var method = request.MethodId ?? ChainOffering.FirstMethod(config, offered)!;
        if (methods.Find(method) is null) return Outcomes.MethodNotSupported;
        if (!ChainOffering.MayStart(config, offered, [], method, config.Policies.Login.EnforceMethodOrder))
            return Outcomes.MethodNotInChains;

        var now = time.GetUtcNow();
        var process = new LogonProcess
        {
            Id = RandomIds.NewToken(),
            EndpointSessionId = request.EndpointSession.Id,
            EndpointId = request.EndpointSession.EndpointId,
            User = user,
            EventName = @event.Name,
            OfferedChains = offered,
            CategoryId = category,
            CurrentMethod = method,
            Created = now,
            LastUsed = now,
        };
        await processes.AddAsync(process, cancellationToken);
        var result = LogonResults.Create(config, process, @event, EnvelopeStatus.MoreData, Outcomes.ProcessStarted);
        await AuditAsync("logon.start", result, cancellationToken);
        return result;
    }

    public Task<LogonReply> AnswerAsync(string processId, string endpointSessionId, MethodInput input, CancellationToken cancellationToken) =>
        WithProcessAsync(processId, endpointSessionId, cancellationToken, (p, ct) => AnswerLockedAsync(p, input, ct));

    /// <summary>
    /// Answers the current method through its sub-protocol (methods.md §10.3): the process id is the only
    /// credential, so no endpoint session is checked. The verdict is committed now (lockout counted, template
    /// counters saved) and delivered by the next <c>do_logon</c>, which the client polls. The reply's status is
    /// the verdict: MoreData (options), Ok (verified) or Failed. Logon and template-test processes (api.md §8.5) alike;
    /// METHOD_NOT_IN_CHAINS unless <paramref name="methodId"/> is the current method and past its first step, with
    /// no verdict pending.
    /// </summary>
    public Task<LogonReply> AnswerSubProtocolAsync(string processId, string methodId, MethodInput input, CancellationToken cancellationToken) =>
        WithProcessAsync(processId, _ => true, cancellationToken, (p, ct) => DeferLockedAsync(p, methodId, input, ct));

    public Task<LogonReply> NextAsync(string processId, string endpointSessionId, string methodId, CancellationToken cancellationToken) =>
        WithProcessAsync(processId, endpointSessionId, cancellationToken, (p, ct) => NextLockedAsync(p, methodId, ct));

    /// <summary>Ends the process; false when it does not exist (any more) for this endpoint session.</summary>
    public async Task<bool> AbortAsync(string processId, string endpointSessionId, CancellationToken cancellationToken)
    {
        var reply = await WithProcessAsync(processId, endpointSessionId, cancellationToken, async (process, ct) =>
        {
            await processes.RemoveAsync(process.Id, ct);
            var config = configuration.Current;
            var result = LogonResults.Create(config, process, LogonResults.EventOf(config, process), EnvelopeStatus.Stop, Outcomes.ProcessAborted);
            await AuditAsync("logon.abort", result, ct);
            return result;
        });
        return reply.Result is not null;
    }

    private Task<LogonReply> WithProcessAsync(
        string processId, string endpointSessionId, CancellationToken cancellationToken,
        Func<LogonProcess, CancellationToken, Task<LogonReply>> action) =>
        WithProcessAsync(processId, p => !p.IsTest && p.EndpointSessionId == endpointSessionId, cancellationToken, action);

    private async Task<LogonReply> WithProcessAsync(
        string processId, Func<LogonProcess, bool> owner, CancellationToken cancellationToken,
        Func<LogonProcess, CancellationToken, Task<LogonReply>> action)
    {
        await using var held = await locks.TryAcquireAsync("logon:" + processId, LockTimeout, cancellationToken);
        if (held is null) return Outcomes.ProcessBusy;
        var process = await processes.GetAsync(processId, cancellationToken);
        if (process is null || !owner(process)) return Outcomes.LogonProcessNotFound;
        var now = time.GetUtcNow();
        var policy = configuration.Current.Policies.Sessions;
        if (now - process.LastUsed >= TimeSpan.FromSeconds(policy.LogonProcessIdleTimeout) ||
            now - process.Created >= TimeSpan.FromSeconds(policy.LogonProcessMaxLifetime))
        {
            await processes.RemoveAsync(processId, cancellationToken);
            return Outcomes.LogonProcessNotFound;
        }
        return await action(process with { LastUsed = now }, cancellationToken);
    }

    private async Task<LogonReply> AnswerLockedAsync(LogonProcess process, MethodInput input, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        var @event = LogonResults.EventOf(config, process);
        // A sub-protocol failure was counted toward lockout when it was verified: deliver it as it is.
        if (process.DeferredStep is MethodStep.Failed deferredFailure)
            return await FailAsync(config, process, @event, deferredFailure.Outcome, deferredFailure, cancellationToken, countLockout: false);
        if (await lockout.IsLockedAsync(process.User.UserId, cancellationToken))
            return await FailAsync(config, process, @event, Outcomes.UserLocked, null, cancellationToken);
        if (process.Stage == LogonStage.AwaitingNext)
            return await SaveAsync(process, LogonResults.Create(config, process, @event, EnvelopeStatus.Next, Outcomes.Next), cancellationToken);
        if (process.DeferredStep is MethodStep.Passed deferredPass)
            return await PassAsync(config, process with { DeferredStep = null }, @event, deferredPass, cancellationToken);

        var step = await RunMethodAsync(config, process, @event, input, cancellationToken);
        return step switch
        {
            MethodStep.MoreData more => await SaveAsync(
                process with { MethodState = more.NewState },
                LogonResults.Create(config, process with { MethodState = more.NewState }, @event, EnvelopeStatus.MoreData, more.Outcome, step),
                cancellationToken),
            MethodStep.Passed passed => await PassAsync(config, process, @event, passed, cancellationToken),
            MethodStep.Failed failed => await FailAsync(config, process, @event, failed.Outcome, step, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown method step {step.GetType().Name}."),
        };
    }

    private async Task<MethodStep> RunMethodAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodInput input, CancellationToken cancellationToken)
    {
        var method = methods.Find(process.CurrentMethod);
        if (method is null) return new MethodStep.Failed(Outcomes.MethodNotSupported);
        var usable = process.IsTest
            ? await TestTemplatesAsync(process, cancellationToken)
            : await templates.UsableAsync(method, process.User, @event, process.CategoryId, cancellationToken);
        if (usable.Count == 0) return new MethodStep.Failed(Outcomes.MethodNotEnrolled);

        var context = new MethodContext
        {
            User = process.User, Templates = usable, Policies = config.Policies, State = process.MethodState, Time = time,
            Random = services.Random, Secrets = services.Secrets, PublicUrl = services.PublicUrl.Current,
        };
        return await method.AnswerAsync(context, input, cancellationToken);
    }

    private async Task<LogonReply> DeferLockedAsync(LogonProcess process, string methodId, MethodInput input, CancellationToken cancellationToken)
    {
        if (process.CurrentMethod != methodId || process.Stage != LogonStage.InProgress || process.MethodState is null ||
            process.DeferredStep is not null)
            return Outcomes.MethodNotInChains;
        var config = configuration.Current;
        var @event = LogonResults.EventOf(config, process);
        var step = await lockout.IsLockedAsync(process.User.UserId, cancellationToken)
            ? new MethodStep.Failed(Outcomes.UserLocked)
            : await RunMethodAsync(config, process, @event, input, cancellationToken);
        if (step is MethodStep.MoreData more)
            return await SaveAsync(process with { MethodState = more.NewState },
                LogonResults.Create(config, process with { MethodState = more.NewState }, @event, EnvelopeStatus.MoreData, more.Outcome, step),
                cancellationToken);

        // Commit what verification decided now, as do_logon would: the counter update, then the lockout count.
        if (step is MethodStep.Passed { UpdatedTemplate: { } updated } passed)
            step = await templateStore.TryUpdateAsync(updated, passed.Template.Version, cancellationToken) || passed.ConflictOutcome is null
                ? passed with { UpdatedTemplate = null }
                : new MethodStep.Failed(passed.ConflictOutcome);
        if (step is MethodStep.Failed failed && (!process.IsTest || config.Policies.Lockout.LockOnTestFailure))
            await lockout.RecordAsync(process.User.UserId, failed.Outcome, cancellationToken);

        var kept = process with { DeferredStep = step };
        var result = step is MethodStep.Failed f
            ? LogonResults.Create(config, kept, @event, EnvelopeStatus.Failed, f.Outcome, step)
            : LogonResults.Create(config, kept, @event, EnvelopeStatus.Ok, Outcomes.Welcome, step);
        if (!await processes.TryUpdateAsync(kept, process.Version, cancellationToken)) return Outcomes.ProcessBusy;
        await AuditAsync("logon.verify", result, cancellationToken);
        return result with { Process = kept with { Version = process.Version + 1 } };
    }

    private async Task<LogonReply> PassAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodStep.Passed passed, CancellationToken cancellationToken)
    {
        if (passed.UpdatedTemplate is { } updated &&
            !await templateStore.TryUpdateAsync(updated, passed.Template.Version, cancellationToken) &&
            passed.ConflictOutcome is { } conflict)
            return await FailAsync(config, process, @event, conflict, passed, cancellationToken);
        var done = process with
        {
            CompletedMethods = [.. process.CompletedMethods, process.CurrentMethod],
            CompletedTemplateId = passed.Template.Id,
            CurrentCategoryId = passed.Template.CategoryId,
            MethodState = null,
            Stage = LogonStage.AwaitingNext,
        };
        if (done.IsTest) return await PassTestAsync(config, process, done, @event, passed, cancellationToken);
        if (ChainOffering.Completed(config, done.OfferedChains, done.CompletedMethods) is not { } completed)
            return await SaveAsync(done, LogonResults.Create(config, done, @event, EnvelopeStatus.Next, Outcomes.Next, passed), cancellationToken);

        // The chain is complete: exactly one caller gets here, because removal is the commit point.
        if (!await processes.TryUpdateAsync(done, process.Version, cancellationToken)) return Outcomes.ProcessBusy;
        await processes.RemoveAsync(done.Id, cancellationToken);
        var session = await loginSessions.CreateAsync(done.User, @event, completed.Chain, done.EndpointId, cancellationToken);
        await lockout.ResetAsync(done.User.UserId, cancellationToken);
        var result = LogonResults.Create(config, done, @event, EnvelopeStatus.Ok, Outcomes.Welcome, passed) with
        {
            LoginSessionId = session.Id,
            CompletedChain = new ChainAtPosition(completed.Chain, completed.Position),
        };
        await AuditAsync("logon.step", result, cancellationToken);
        return result;
    }

    private async Task<LogonReply> FailAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, Outcome failure, MethodStep? step,
        CancellationToken cancellationToken, bool countLockout = true)
    {
        if (!await processes.TryUpdateAsync(process, process.Version, cancellationToken)) return Outcomes.ProcessBusy;
        await processes.RemoveAsync(process.Id, cancellationToken);
        if (countLockout && (!process.IsTest || config.Policies.Lockout.LockOnTestFailure))
            await lockout.RecordAsync(process.User.UserId, failure, cancellationToken);
        var result = LogonResults.Create(config, process, @event, EnvelopeStatus.Failed, failure, step);
        await AuditAsync("logon.step", result, cancellationToken);
        return result;
    }

    private async Task<LogonReply> NextLockedAsync(LogonProcess process, string methodId, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        var @event = LogonResults.EventOf(config, process);
        // A pending sub-protocol failure ends the process; choosing another method must not escape it.
        if (process.DeferredStep is MethodStep.Failed deferredFailure)
            return await FailAsync(config, process, @event, deferredFailure.Outcome, deferredFailure, cancellationToken, countLockout: false);
        if (await lockout.IsLockedAsync(process.User.UserId, cancellationToken))
            return await FailAsync(config, process, @event, Outcomes.UserLocked, null, cancellationToken);
        if (process.CompletedMethods.Contains(methodId)) return Outcomes.MethodAlreadyCompleted;
        if (methods.Find(methodId) is null) return Outcomes.MethodNotSupported;
        if (!ChainOffering.MayStart(config, process.OfferedChains, process.CompletedMethods, methodId, config.Policies.Login.EnforceMethodOrder))
            return Outcomes.MethodNotInChains;
        var next = process with
        {
            CurrentMethod = methodId, MethodState = null, DeferredStep = null, Stage = LogonStage.InProgress, CurrentCategoryId = "",
        };
        return await SaveAsync(next, LogonResults.Create(config, next, @event, EnvelopeStatus.MoreData, Outcomes.ProcessStarted), cancellationToken);
    }

    private async Task<LogonReply> SaveAsync(LogonProcess process, LogonResult result, CancellationToken cancellationToken)
    {
        if (!await processes.TryUpdateAsync(process, process.Version, cancellationToken)) return Outcomes.ProcessBusy;
        await AuditAsync(result.Status == EnvelopeStatus.MoreData && result.Outcome == Outcomes.ProcessStarted ? "logon.next" : "logon.step",
            result, cancellationToken);
        return result with { Process = process with { Version = process.Version + 1 } };
    }

    private Task AuditAsync(string action, LogonResult result, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditRecord
        {
            Time = time.GetUtcNow(),
            Action = action,
            EndpointId = result.Process.EndpointId,
            EventName = result.Event.Name,
            ChainName = result.CompletedChain?.Chain.Name,
            MethodId = result.Process.CurrentMethod,
            UserId = result.Process.User.UserId,
            UserName = result.Process.User.UserName,
            LogonProcessId = result.Process.Id,
            Result = EnvelopeStatusText.Of(result.Status),
            MsgId = result.Outcome.MsgId,
            Reason = result.Outcome.Reason,
        }, cancellationToken);
}
