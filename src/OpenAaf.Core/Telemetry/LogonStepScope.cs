using System.Diagnostics;
using OpenAaf.Core.Auditing;
using K = OpenAaf.Core.Telemetry.OpenAafTelemetry.Keys;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// One logon call being answered: its span and its clock. The host opens it around the call; the audit
/// decorator, which sees the step's one audit record further down the same async flow, tells it the
/// method and the result, so that neither the engine nor the handlers need to know about telemetry.
/// A call that ends without an audit record (an error envelope such as 444 or 409) is reported as ERROR.
/// </summary>
public sealed class LogonStepScope : IDisposable
{
    /// <summary>The result recorded for a call that answered an error envelope instead of a logon step.</summary>
    public const string ErrorResult = "ERROR";

    private static readonly AsyncLocal<LogonStepScope?> CurrentScope = new();

    private readonly OpenAafMetrics _metrics;
    private readonly string _step;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly LogonStepScope? _outer;
    private AuditRecord? _audited;

    private LogonStepScope(OpenAafMetrics metrics, string step)
    {
        _metrics = metrics;
        _step = step;
        _outer = CurrentScope.Value;
        Activity = OpenAafTelemetry.ActivitySource.StartActivity("logon " + step);
        Activity?.SetTag(K.Step, step);
    }

    /// <summary>The scope of the logon call this async flow belongs to, if any.</summary>
    public static LogonStepScope? Current => CurrentScope.Value;

    /// <summary>The step's span; null when nobody listens to <see cref="OpenAafTelemetry.ActivitySource"/>.</summary>
    public Activity? Activity { get; }

    /// <param name="step">start, do_logon, next, abort, test or a sub-protocol name: a small fixed set.</param>
    public static LogonStepScope Begin(OpenAafMetrics metrics, string step)
    {
        var scope = new LogonStepScope(metrics, step);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Called with the audit record of this step (the last one wins if a call writes several).</summary>
    public void Audited(AuditRecord record)
    {
        _audited = record;
        if (Activity is not { } activity) return;
        activity.SetTag(K.Action, record.Action);
        activity.SetTag(K.Method, record.MethodId);
        activity.SetTag(K.Result, record.Result);
        activity.SetTag(K.MsgId, record.MsgId);
        activity.SetTag(K.Reason, string.IsNullOrEmpty(record.Reason) ? null : record.Reason);
        activity.SetTag(K.LogonProcessId, record.LogonProcessId);
        activity.SetTag(K.EndpointId, record.EndpointId);
        activity.SetTag(K.UserId, record.UserId);
    }

    public void Dispose()
    {
        CurrentScope.Value = _outer;
        var result = _audited?.Result ?? ErrorResult;
        _metrics.StepCompleted(_step, _audited?.MethodId, result, Stopwatch.GetElapsedTime(_started));
        if (Activity is { } activity)
        {
            activity.SetTag(K.Result, result);
            activity.Dispose();
        }
    }
}
