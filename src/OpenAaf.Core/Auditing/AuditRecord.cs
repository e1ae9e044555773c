namespace OpenAaf.Core.Auditing;

/// <summary>One durable audit line: who did which logon step where, and how it ended. Never a secret.</summary>
public sealed record AuditRecord
{
    public required DateTimeOffset Time { get; init; }
    /// <summary>logon.start, logon.step, logon.next, logon.abort, endpoint.create, endpoint.delete, endpoint.session</summary>
    public required string Action { get; init; }
    public string? EndpointId { get; init; }
    public string? EventName { get; init; }
    public string? ChainName { get; init; }
    public string? MethodId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? LogonProcessId { get; init; }
    /// <summary>MORE_DATA, NEXT, OK, FAILED, or an HTTP-level result such as 401.</summary>
    public required string Result { get; init; }
    public string? MsgId { get; init; }
    public string? Reason { get; init; }
    /// <summary>
    /// The client's IP address, set by the host for records written while serving a request (after the forwarded
    /// headers of trusted proxies only); null for records written outside one.
    /// </summary>
    public string? ClientAddress { get; init; }
}

public interface IAuditSink
{
    Task WriteAsync(AuditRecord record, CancellationToken cancellationToken);
}
