using Microsoft.Extensions.Logging;
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
/// <remarks>
/// Each call takes one configuration snapshot and passes it down (to the method too, in <see cref="MethodContext"/>).
/// A verification runs inside a lockout attempt reserved beforehand (<c>LogonEngine.Verify.cs</c>); once it has a
/// verdict, everything it decides is committed without the caller's cancellation token (<c>LogonEngine.Commit.cs</c>).
/// </remarks>
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
    TimeProvider time,
    ILogger<LogonEngine> logger)
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
        WithProcessAsync(configuration.Current, processId, OfSession(endpointSessionId), cancellationToken,
            (config, p, ct) => AnswerLockedAsync(config, p, input, ct));

    /// <summary>
    /// Answers the current method through its sub-protocol (methods.md §10.3): the process id is the only
    /// credential, so no endpoint session is checked. The verdict is committed now (lockout counted, template
    /// counters saved) and delivered by the next <c>do_logon</c>, which the client polls. The reply's status is
    /// the verdict: MoreData (options), Ok (verified) or Failed. Logon and template-test processes (api.md §8.5) alike;
    /// METHOD_NOT_IN_CHAINS unless <paramref name="methodId"/> is the current method and past its first step, with
    /// no verdict pending.
    /// </summary>
    public Task<LogonReply> AnswerSubProtocolAsync(string processId, string methodId, MethodInput input, CancellationToken cancellationToken) =>
        WithProcessAsync(configuration.Current, processId, _ => true, cancellationToken,
            (config, p, ct) => DeferLockedAsync(config, p, methodId, input, ct));

    public Task<LogonReply> NextAsync(string processId, string endpointSessionId, string methodId, CancellationToken cancellationToken) =>
        WithProcessAsync(configuration.Current, processId, OfSession(endpointSessionId), cancellationToken,
            (config, p, ct) => NextLockedAsync(config, p, methodId, ct));

    /// <summary>
    /// Ends a process of this endpoint session, or a template-test process (api.md §8.5) whose login session was created
    /// through the same endpoint. Null when done, also for a process of the caller's that has already ended (api.md §5.5:
    /// the call is idempotent); LOGON_PROCESS_NOT_FOUND for an id that never existed or is another caller's;
    /// PROCESS_BUSY while another call holds the process.
    /// </summary>
    public async Task<Outcome?> AbortAsync(string processId, EndpointSession session, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        bool Owns(string endpointSessionId, string endpointId, bool isTest) =>
            isTest ? endpointId == session.EndpointId : endpointSessionId == session.Id;
        var reply = await WithProcessAsync(config, processId, p => Owns(p.EndpointSessionId, p.EndpointId, p.IsTest), cancellationToken,
            async (snapshot, process, _) =>
            {
                await EndAsync(process);
                var result = LogonResults.Create(snapshot, process, LogonResults.EventOf(snapshot, process), EnvelopeStatus.Stop, Outcomes.ProcessAborted);
                if (!process.IsTest) await AuditAsync("logon.abort", result, CancellationToken.None);
                return result;
            });
        if (reply.Error != Outcomes.LogonProcessNotFound) return reply.Error;
        return await processes.FindEndedAsync(processId, cancellationToken) is { } ended && Owns(ended.EndpointSessionId, ended.EndpointId, ended.IsTest)
            ? null
            : Outcomes.LogonProcessNotFound;
    }

    private static Func<LogonProcess, bool> OfSession(string endpointSessionId) =>
        p => !p.IsTest && p.EndpointSessionId == endpointSessionId;

    private async Task<LogonReply> WithProcessAsync(
        ConfigurationSnapshot config, string processId, Func<LogonProcess, bool> owner, CancellationToken cancellationToken,
        Func<ConfigurationSnapshot, LogonProcess, CancellationToken, Task<LogonReply>> action)
    {
        await using var held = await locks.TryAcquireAsync("logon:" + processId, LockTimeout, cancellationToken);
        if (held is null) return Outcomes.ProcessBusy;
        var process = await processes.GetAsync(processId, cancellationToken);
        if (process is null || !owner(process)) return Outcomes.LogonProcessNotFound;
        var now = time.GetUtcNow();
        var policy = config.Policies.Sessions;
        if (now - process.LastUsed >= TimeSpan.FromSeconds(policy.LogonProcessIdleTimeout) ||
            now - process.Created >= TimeSpan.FromSeconds(policy.LogonProcessMaxLifetime))
        {
            await EndAsync(process);
            return Outcomes.LogonProcessNotFound;
        }
        return await action(config, process with { LastUsed = now }, cancellationToken);
    }

    private async Task<LogonReply> AnswerLockedAsync(ConfigurationSnapshot config, LogonProcess process, MethodInput input, CancellationToken cancellationToken)
    {
        var @event = LogonResults.EventOf(config, process);
        // A sub-protocol failure was counted toward lockout when it was verified: deliver it as it is.
        if (process.DeferredStep is MethodStep.Failed deferredFailure)
            return await FailAsync(config, process, @event, deferredFailure.Outcome, deferredFailure, attempt: null);
        if (await lockout.IsLockedAsync(process.User.UserId, config.Policies.Lockout, cancellationToken))
            return await FailAsync(config, process, @event, Outcomes.UserLocked, null, attempt: null);
        if (process.Stage == LogonStage.AwaitingNext)
            return await SaveAsync(process, LogonResults.Create(config, process, @event, EnvelopeStatus.Next, Outcomes.Next));
        if (process.DeferredStep is MethodStep.Passed deferredPass)
            return await PassAsync(config, process with { DeferredStep = null }, @event, deferredPass, attempt: null);

        var (step, attempt) = await VerifyAsync(config, process, @event, input, cancellationToken);
        return step switch
        {
            MethodStep.MoreData more => await MoreDataAsync(config, process, @event, more, attempt),
            MethodStep.Passed passed => await PassAsync(config, process, @event, passed, attempt),
            MethodStep.Failed failed => await FailAsync(config, process, @event, failed.Outcome, step, attempt),
            _ => throw new InvalidOperationException($"Unknown method step {step.GetType().Name}."),
        };
    }

    private async Task<LogonReply> NextLockedAsync(ConfigurationSnapshot config, LogonProcess process, string methodId, CancellationToken cancellationToken)
    {
        var @event = LogonResults.EventOf(config, process);
        // A pending sub-protocol failure ends the process; choosing another method must not escape it.
        if (process.DeferredStep is MethodStep.Failed deferredFailure)
            return await FailAsync(config, process, @event, deferredFailure.Outcome, deferredFailure, attempt: null);
        if (await lockout.IsLockedAsync(process.User.UserId, config.Policies.Lockout, cancellationToken))
            return await FailAsync(config, process, @event, Outcomes.UserLocked, null, attempt: null);
        if (process.CompletedMethods.Contains(methodId)) return Outcomes.MethodAlreadyCompleted;
        if (methods.Find(methodId) is null) return Outcomes.MethodNotSupported;
        if (!ChainOffering.MayStart(config, process.OfferedChains, process.CompletedMethods, methodId, config.Policies.Login.EnforceMethodOrder))
            return Outcomes.MethodNotInChains;
        var next = process with
        {
            CurrentMethod = methodId, MethodState = null, DeferredStep = null, Stage = LogonStage.InProgress, CurrentCategoryId = "",
        };
        return await SaveAsync(next, LogonResults.Create(config, next, @event, EnvelopeStatus.MoreData, Outcomes.ProcessStarted));
    }
}
