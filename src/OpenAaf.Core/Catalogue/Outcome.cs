namespace OpenAaf.Core.Catalogue;

/// <summary>Status of a logon or enroll envelope (api.md §5.8).</summary>
public enum EnvelopeStatus { MoreData, Next, Ok, Failed, Stop }

public static class EnvelopeStatusText
{
    /// <summary>The status as the wire and the audit trail spell it.</summary>
    public static string Of(EnvelopeStatus status) => status switch
    {
        EnvelopeStatus.MoreData => "MORE_DATA",
        EnvelopeStatus.Next => "NEXT",
        EnvelopeStatus.Ok => "OK",
        EnvelopeStatus.Failed => "FAILED",
        _ => "STOP",
    };
}

/// <summary>
/// One entry of the msgid catalogue (api.md §11): the stable machine codes, the English text, and
/// whether a failure with this code counts toward lockout (column L). The HTTP status of an error
/// envelope is the wire's business (OpenAaf.Server's OutcomeStatus), not the domain's.
/// </summary>
public sealed record Outcome(string MsgId, string Reason, string Message, bool CountsForLockout = false)
{
    public override string ToString() => $"{MsgId} {Reason}";
}
