using System.Diagnostics;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Users;
using K = OpenAaf.Core.Telemetry.OpenAafTelemetry.Keys;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// Wraps one method: each verification gets a span (<c>verify METHOD:1</c>, a child of the logon step's)
/// and a duration in <c>openaaf.method.verification.duration</c> by its verdict. An exception is recorded
/// and passed on unchanged: what a throwing method means for the logon is the engine's decision.
/// </summary>
public sealed class InstrumentedAuthenticationMethod(IAuthenticationMethod inner, OpenAafMetrics metrics) : IAuthenticationMethod, IMethodDecorator
{
    private readonly string _spanName = "verify " + inner.Id;

    public IAuthenticationMethod Inner => inner;

    public string Id => inner.Id;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => inner.IsAutoCreatedFor(user);

    public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        using var activity = OpenAafTelemetry.ActivitySource.StartActivity(_spanName);
        activity?.SetTag(K.Method, inner.Id);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var step = await inner.AnswerAsync(context, input, cancellationToken).ConfigureAwait(false);
            var (verdict, reason) = Describe(step);
            metrics.MethodVerified(inner.Id, verdict, null, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(K.Result, verdict);
            activity?.SetTag(K.Reason, reason);
            return step;
        }
        catch (Exception e)
        {
            var errorType = e.GetType().FullName ?? e.GetType().Name;
            metrics.MethodVerified(inner.Id, "error", errorType, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(K.ErrorType, errorType);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
    }

    private static (string Verdict, string? Reason) Describe(MethodStep step) => step switch
    {
        MethodStep.MoreData more => ("more_data", NullIfEmpty(more.Outcome.Reason)),
        MethodStep.Passed => ("passed", null),
        MethodStep.Failed failed => ("failed", NullIfEmpty(failed.Outcome.Reason)),
        _ => (step.GetType().Name, null),
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
