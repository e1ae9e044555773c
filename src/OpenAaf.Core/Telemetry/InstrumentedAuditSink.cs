using Microsoft.Extensions.Logging;
using OpenAaf.Core.Auditing;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// Every logon step writes exactly one audit record, so this is where steps are counted and logged: after
/// the record is durable, one count in <c>openaaf.logon.steps</c>, one structured log line, and the
/// step's method and result handed to the <see cref="LogonStepScope"/> of the call.
/// </summary>
public sealed class InstrumentedAuditSink(IAuditSink inner, OpenAafMetrics metrics, ILoggerFactory loggers) : IAuditSink
{
    private readonly ILogger _log = loggers.CreateLogger(LogonLog.Category);

    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        if (!IsLogonStep(record))
        {
            LogonLog.Other(_log, record.Action, record.Result, record.MsgId ?? "", record.Reason ?? "", record.EndpointId ?? "", record.UserId ?? "");
            return;
        }
        metrics.StepAudited(record);
        LogonStepScope.Current?.Audited(record);
        LogonLog.Step(_log, record.Action, record.Result, record.MsgId ?? "", record.Reason ?? "", record.LogonProcessId ?? "",
            record.EndpointId ?? "", record.UserId ?? "", record.MethodId ?? "", record.EventName ?? "", record.ChainName ?? "");
    }

    /// <summary>Steps of logon and template-test processes; other records (endpoint actions) are logged, not counted.</summary>
    private static bool IsLogonStep(AuditRecord record) => record.LogonProcessId is not null;
}
