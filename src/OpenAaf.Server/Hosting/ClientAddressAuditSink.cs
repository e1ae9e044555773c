using OpenAaf.Core.Auditing;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Stamps audit records written while serving a request with the client's address: the connection's peer, or the
/// address a trusted proxy forwarded (<see cref="ForwardedHeadersSetup"/> runs first). Core's engine knows no
/// requests, so the address is added here, around the sink.
/// </summary>
internal sealed class ClientAddressAuditSink(IAuditSink inner, IHttpContextAccessor requests) : IAuditSink
{
    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var address = requests.HttpContext?.Connection.RemoteIpAddress;
        if (address is not null && record.ClientAddress is null)
        {
            record = record with { ClientAddress = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() };
        }
        return inner.WriteAsync(record, cancellationToken);
    }
}
