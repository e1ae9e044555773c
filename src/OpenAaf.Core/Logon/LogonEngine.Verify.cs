using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Logon;

// Verification: the current method's step, run inside a lockout attempt reserved in the store beforehand, so that no
// more than failed_attempts verifications run before the user is locked, however many guesses arrive at once.
public sealed partial class LogonEngine
{
    /// <returns>the step, and the attempt it ran in (null when nothing was verified); the caller ends the attempt</returns>
    private async Task<(MethodStep Step, LockoutAttempt? Attempt)> VerifyAsync(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, MethodInput input, CancellationToken cancellationToken)
    {
        var method = methods.Find(process.CurrentMethod);
        if (method is null) return (new MethodStep.Failed(Outcomes.MethodNotSupported), null);
        var usable = process.IsTest
            ? await TestTemplatesAsync(process, cancellationToken)
            : await templates.UsableAsync(method, process.User, @event, process.CategoryId, cancellationToken);
        if (usable.Count == 0) return (new MethodStep.Failed(Outcomes.MethodNotEnrolled), null);

        var policy = config.Policies.Lockout;
        var attempt = process.IsTest && !policy.LockOnTestFailure
            ? LockoutAttempt.Uncounted(process.User.UserId)
            : await lockout.TryBeginAttemptAsync(process.User.UserId, policy, cancellationToken);
        // Locked, or as many verifications under way as the user has attempts left: nothing is verified.
        if (attempt is null) return (new MethodStep.Failed(Outcomes.UserLocked), null);

        var context = new MethodContext
        {
            User = process.User, Templates = usable, Configuration = config, State = process.MethodState, Time = time,
            Random = services.Random, Secrets = services.Secrets, PublicUrl = services.PublicUrl.Current,
        };
        try
        {
            return (await MethodGuard.AnswerAsync(method, context, input, logger, cancellationToken), attempt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller left before a verdict: whether the guess was right is unknown, so the attempt counts (fail-safe).
            await lockout.AbandonAttemptAsync(attempt, CancellationToken.None);
            throw;
        }
        catch (DirectoryUnavailableException)
        {
            // An outage (503) is not a guess: the attempt is given back.
            await lockout.EndAttemptAsync(attempt, null, CancellationToken.None);
            throw;
        }
    }

    private async Task<LogonReply> DeferLockedAsync(
        ConfigurationSnapshot config, LogonProcess process, string methodId, MethodInput input, CancellationToken cancellationToken)
    {
        if (process.CurrentMethod != methodId || process.Stage != LogonStage.InProgress || process.MethodState is null ||
            process.DeferredStep is not null)
            return Outcomes.MethodNotInChains;
        var @event = LogonResults.EventOf(config, process);
        var (step, attempt) = await lockout.IsLockedAsync(process.User.UserId, config.Policies.Lockout, cancellationToken)
            ? (new MethodStep.Failed(Outcomes.UserLocked), null)
            : await VerifyAsync(config, process, @event, input, cancellationToken);
        return step is MethodStep.MoreData more
            ? await MoreDataAsync(config, process, @event, more, attempt)
            : await DeferVerdictAsync(config, process, @event, step, attempt);
    }
}
