using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenAaf.Core.Auditing;
using K = OpenAaf.Core.Telemetry.OpenAafTelemetry.Keys;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// The instruments of the <c>OpenAaf</c> meter, created through the host's <see cref="IMeterFactory"/> so
/// that each host (and each test server) has its own. Names and units follow the OpenTelemetry semantic
/// conventions: dotted lower-case names, durations in seconds, counts in curly-brace units.
/// </summary>
public sealed class OpenAafMetrics
{
    private readonly Counter<long> _steps;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<double> _methodDuration;
    private readonly Histogram<double> _directoryDuration;
    private readonly Counter<long> _lockoutFailures;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _fingerComparisons;

    public OpenAafMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(OpenAafTelemetry.Name, OpenAafTelemetry.ScopeVersion);
        _steps = Meter.CreateCounter<long>("openaaf.logon.steps", "{step}",
            "Logon steps, one per audit record, by action, method, result and reason.");
        _stepDuration = Seconds("openaaf.logon.step.duration",
            "Time to answer one logon call (start, do_logon, next, abort, template test, sub-protocol), by method and result.");
        _methodDuration = Seconds("openaaf.method.verification.duration",
            "Time one authentication method took to verify one answer, by method and verdict.");
        _directoryDuration = Seconds("openaaf.directory.operation.duration",
            "Time of one call to an LDAP or Active Directory repository, by repository, operation and outcome.");
        _lockoutFailures = Meter.CreateCounter<long>("openaaf.lockout.failures", "{failure}",
            "Failed logon steps counted toward a user's lockout.");
        _lockouts = Meter.CreateCounter<long>("openaaf.lockout.locks", "{lock}",
            "Users locked because they reached the failed-attempts limit.");
        _fingerComparisons = Meter.CreateCounter<long>("openaaf.finger.comparisons", "{comparison}",
            "Minutiae template comparisons made by FINGER:1 logons.");
    }

    /// <summary>The <c>OpenAaf</c> meter of this host; other instruments (the store gauges) are created on it.</summary>
    public Meter Meter { get; }

    /// <summary>One audit record is one logon step.</summary>
    public void StepAudited(AuditRecord record)
    {
        var tags = new TagList
        {
            { K.Action, record.Action },
            { K.Method, record.MethodId ?? "" },
            { K.Result, record.Result },
        };
        if (!string.IsNullOrEmpty(record.Reason)) tags.Add(K.Reason, record.Reason);
        _steps.Add(1, tags);
    }

    public void StepCompleted(string step, string? method, string result, TimeSpan elapsed) =>
        _stepDuration.Record(elapsed.TotalSeconds, new TagList { { K.Step, step }, { K.Method, method ?? "" }, { K.Result, result } });

    public void MethodVerified(string method, string verdict, string? errorType, TimeSpan elapsed)
    {
        var tags = new TagList { { K.Method, method }, { K.Result, verdict } };
        if (errorType is not null) tags.Add(K.ErrorType, errorType);
        _methodDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void DirectoryCalled(string repository, string operation, string outcome, string? errorType, TimeSpan elapsed)
    {
        var tags = new TagList { { K.Repository, repository }, { K.Operation, operation }, { K.Outcome, outcome } };
        if (errorType is not null) tags.Add(K.ErrorType, errorType);
        _directoryDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void LockoutFailureCounted() => _lockoutFailures.Add(1);

    public void UserLocked() => _lockouts.Add(1);

    public void FingerComparisons(long count)
    {
        if (count > 0) _fingerComparisons.Add(count);
    }

    private Histogram<double> Seconds(string name, string description) =>
        Meter.CreateHistogram<double>(name, "s", description, tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OpenAafTelemetry.DurationBuckets });
}
