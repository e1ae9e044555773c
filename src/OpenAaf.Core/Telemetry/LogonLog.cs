using Microsoft.Extensions.Logging;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// The log lines of logon steps, source-generated and structured. They carry ids and outcomes only: never
/// a user name, a password, an OTP, a template or a secret (the audit record they are made from holds none
/// of the last four, and the user name is left out on purpose). A value the record does not have is empty.
/// </summary>
public static partial class LogonLog
{
    /// <summary>The category of these lines, so that an operator can filter them on their own.</summary>
    public const string Category = "OpenAaf.Logon";

    [LoggerMessage(EventId = 1000, EventName = "LogonStep", Level = LogLevel.Information,
        Message = "{Action} {Result} msgid={MsgId} reason={Reason} process={LogonProcessId} endpoint={EndpointId} user={UserId} " +
                  "method={MethodId} event={EventName} chain={ChainName}")]
    public static partial void Step(ILogger logger, string action, string result, string msgId, string reason,
        string logonProcessId, string endpointId, string userId, string methodId, string eventName, string chainName);

    [LoggerMessage(EventId = 1001, EventName = "AuditRecord", Level = LogLevel.Information,
        Message = "{Action} {Result} msgid={MsgId} reason={Reason} endpoint={EndpointId} user={UserId}")]
    public static partial void Other(ILogger logger, string action, string result, string msgId, string reason,
        string endpointId, string userId);
}
