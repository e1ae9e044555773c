using OpenAaf.Core.Auditing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Chains;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Logon;

// Commit: what a step decided, written once it is decided. None of this takes the caller's cancellation token: a client
// that disconnects while its guess is being checked must not escape the lockout count or the audit, nor learn from the
// state of the process (444 or NEXT) whether the guess was right. The order is fixed: template counters, the lockout
// count, the process, the audit record.
public sealed partial class LogonEngine
{
    private static readonly CancellationToken Committed = CancellationToken.None;

    private async Task<LogonReply> MoreDataAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodStep.MoreData more, LockoutAttempt? attempt)
    {
        await EndAttemptAsync(attempt, null);
        var next = process with { MethodState = more.NewState };
        return await SaveAsync(next, LogonResults.Create(config, next, @event, EnvelopeStatus.MoreData, more.Outcome, more));
    }

    private async Task<LogonReply> PassAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodStep.Passed passed, LockoutAttempt? attempt)
    {
        if (passed.UpdatedTemplate is { } updated &&
            !await templateStore.TryUpdateAsync(updated, passed.Template.Version, Committed) &&
            passed.ConflictOutcome is { } conflict)
            return await FailAsync(config, process, @event, conflict, passed, attempt);
        await EndAttemptAsync(attempt, null);
        var done = process with
        {
            CompletedMethods = [.. process.CompletedMethods, process.CurrentMethod],
            CompletedTemplateId = passed.Template.Id,
            CurrentCategoryId = passed.Template.CategoryId,
            MethodState = null,
            Stage = LogonStage.AwaitingNext,
        };
        if (done.IsTest) return await PassTestAsync(config, process, done, @event, passed);
        if (ChainOffering.Completed(config, done.OfferedChains, done.CompletedMethods) is not { } completed)
            return await SaveAsync(done, LogonResults.Create(config, done, @event, EnvelopeStatus.Next, Outcomes.Next, passed));

        // The chain is complete: exactly one caller gets here, because the compare-and-set is the commit point.
        if (!await processes.TryUpdateAsync(done, process.Version, Committed)) return Outcomes.ProcessBusy;
        await EndAsync(done);
        var session = await loginSessions.CreateAsync(done.User, @event, completed.Chain, done.EndpointId, Committed);
        await lockout.ResetAsync(done.User.UserId, Committed);
        var result = LogonResults.Create(config, done, @event, EnvelopeStatus.Ok, Outcomes.Welcome, passed) with
        {
            LoginSessionId = session.Id,
            CompletedChain = new ChainAtPosition(completed.Chain, completed.Position),
        };
        await AuditAsync("logon.step", result, Committed);
        return result;
    }

    /// <param name="attempt">the verification's attempt, which the failure ends (counted if marked L); null when nothing was verified now</param>
    private async Task<LogonReply> FailAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, Outcome failure, MethodStep? step, LockoutAttempt? attempt)
    {
        // Counted before anything else: whatever becomes of the process, the guess was made.
        await EndAttemptAsync(attempt, failure);
        if (!await processes.TryUpdateAsync(process, process.Version, Committed)) return Outcomes.ProcessBusy;
        await EndAsync(process);
        var result = LogonResults.Create(config, process, @event, EnvelopeStatus.Failed, failure, step);
        await AuditAsync("logon.step", result, Committed);
        return result;
    }

    /// <summary>A sub-protocol verdict: committed now as do_logon would commit it, and kept for the next do_logon to deliver.</summary>
    private async Task<LogonReply> DeferVerdictAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodStep step, LockoutAttempt? attempt)
    {
        if (step is MethodStep.Passed { UpdatedTemplate: { } updated } passed)
            step = await templateStore.TryUpdateAsync(updated, passed.Template.Version, Committed) || passed.ConflictOutcome is null
                ? passed with { UpdatedTemplate = null }
                : new MethodStep.Failed(passed.ConflictOutcome);
        await EndAttemptAsync(attempt, (step as MethodStep.Failed)?.Outcome);

        var kept = process with { DeferredStep = step };
        var result = step is MethodStep.Failed f
            ? LogonResults.Create(config, kept, @event, EnvelopeStatus.Failed, f.Outcome, step)
            : LogonResults.Create(config, kept, @event, EnvelopeStatus.Ok, Outcomes.Welcome, step);
        if (!await processes.TryUpdateAsync(kept, process.Version, Committed)) return Outcomes.ProcessBusy;
        await AuditAsync("logon.verify", result, Committed);
        return result with { Process = kept with { Version = process.Version + 1 } };
    }

    private async Task<LogonReply> SaveAsync(LogonProcess process, LogonResult result)
    {
        if (!await processes.TryUpdateAsync(process, process.Version, Committed)) return Outcomes.ProcessBusy;
        await AuditAsync(result.Status == EnvelopeStatus.MoreData && result.Outcome == Outcomes.ProcessStarted ? "logon.next" : "logon.step",
            result, Committed);
        return result with { Process = process with { Version = process.Version + 1 } };
    }

    /// <summary>Removes the process and remembers that it ended (api.md §5.5).</summary>
    private Task EndAsync(LogonProcess process) => processes.EndAsync(process.Id, time.GetUtcNow(), Committed);

    private Task EndAttemptAsync(LockoutAttempt? attempt, Outcome? failure) =>
        attempt is null ? Task.CompletedTask : lockout.EndAttemptAsync(attempt, failure, Committed);

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
