using Microsoft.Extensions.Logging;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods;

/// <summary>
/// The one place where the engines call a method, as IdentityServer wraps its grant validators: a method that throws
/// (a bug, a template whose sealed data does not open) fails its step closed, FAILED with METHOD_ERROR, instead of
/// becoming a 500 and a stuck process. Two exceptions pass through: the caller's own cancellation, and
/// <see cref="DirectoryUnavailableException"/>, which is an outage (503), not a verdict.
/// </summary>
public static partial class MethodGuard
{
    /// <summary>
    /// A logon step. When a step over several templates faults, each template is tried alone and the step runs once more
    /// over those that do not fault, so one damaged template does not stop the user's others.
    /// </summary>
    public static async ValueTask<MethodStep> AnswerAsync(
        IAuthenticationMethod method, MethodContext context, MethodInput input, ILogger logger, CancellationToken cancellationToken)
    {
        if (await TryAnswerAsync(method, context, input, logger, cancellationToken) is { } step) return step;
        if (context.Templates.Count < 2) return new MethodStep.Failed(Outcomes.MethodError);

        var usable = new List<Template>();
        foreach (var template in context.Templates)
        {
            if (await TryAnswerAsync(method, context with { Templates = [template] }, input, logger, cancellationToken) is not null)
                usable.Add(template);
            else
                LogTemplateSkipped(logger, method.Id, template.Id);
        }
        // All of them fault, or none alone: the fault is not one template's, so nothing is left to try.
        if (usable.Count == 0 || usable.Count == context.Templates.Count) return new MethodStep.Failed(Outcomes.MethodError);
        return await TryAnswerAsync(method, context with { Templates = usable }, input, logger, cancellationToken)
            ?? new MethodStep.Failed(Outcomes.MethodError);
    }

    /// <summary>An enrollment step; a fault is FAILED with METHOD_ERROR, and the method starts over as after any failure.</summary>
    public static async ValueTask<EnrollStep> EnrollAsync(
        IEnrollableMethod method, EnrollContext context, MethodInput input, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await method.EnrollAsync(context, input, cancellationToken);
        }
        catch (Exception fault) when (IsFault(fault, cancellationToken))
        {
            LogFault(logger, method.Id, context.User?.UserId ?? "", fault.GetType().FullName, fault.StackTrace);
            return new EnrollStep.Failed(Outcomes.EnrollMethodError);
        }
    }

    /// <returns>the step, or null when the method faulted (logged)</returns>
    private static async ValueTask<MethodStep?> TryAnswerAsync(
        IAuthenticationMethod method, MethodContext context, MethodInput input, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await method.AnswerAsync(context, input, cancellationToken);
        }
        catch (Exception fault) when (IsFault(fault, cancellationToken))
        {
            LogFault(logger, method.Id, context.User.UserId, fault.GetType().FullName, fault.StackTrace);
            return null;
        }
    }

    private static bool IsFault(Exception exception, CancellationToken cancellationToken) =>
        exception is not DirectoryUnavailableException &&
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    // The exception's message is left out on purpose: a parser's message can quote the input it choked on, which may be
    // a password or an OTP. Its type and stack trace say where the bug is without that.
    [LoggerMessage(EventId = 2104, Level = LogLevel.Error,
        Message = "Method {MethodId} failed closed for user {UserId}: {ExceptionType} {StackTrace}")]
    private static partial void LogFault(ILogger logger, string methodId, string userId, string? exceptionType, string? stackTrace);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning,
        Message = "Method {MethodId} cannot use template {TemplateId}")]
    private static partial void LogTemplateSkipped(ILogger logger, string methodId, string templateId);
}
