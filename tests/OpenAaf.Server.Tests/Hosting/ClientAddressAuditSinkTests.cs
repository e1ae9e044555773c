using System.Net;
using Microsoft.AspNetCore.Http;
using OpenAaf.Core.Auditing;
using OpenAaf.Server.Hosting;

namespace OpenAaf.Server.Tests.Hosting;

/// <summary>
/// The address stamped on audit records: the current request's client, nothing for records written outside a request
/// (the session pruner's), and a record that already names its client is left as it is.
/// </summary>
public sealed class ClientAddressAuditSinkTests
{
    private static readonly AuditRecord Record = new() { Time = DateTimeOffset.UnixEpoch, Action = "logon.step", Result = "OK" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_OutsideARequest_LeavesTheAddressEmpty()
    {
        // Arrange
        var written = new List<AuditRecord>();
        var sink = new ClientAddressAuditSink(new ListSink(written), new HttpContextAccessor());

        // Act
        await sink.WriteAsync(Record, Ct);

        // Assert
        Assert.Null(Assert.Single(written).ClientAddress);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::ffff:198.51.100.4", "198.51.100.4")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    public async Task Write_DuringARequest_NamesTheConnectionsClient(string remote, string expected)
    {
        // Arrange
        var written = new List<AuditRecord>();
        var request = new DefaultHttpContext();
        request.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var sink = new ClientAddressAuditSink(new ListSink(written), new HttpContextAccessor { HttpContext = request });

        // Act
        await sink.WriteAsync(Record, Ct);
        await sink.WriteAsync(Record with { ClientAddress = "192.0.2.1" }, Ct);

        // Assert
        Assert.Equal([expected, "192.0.2.1"], written.Select(r => r.ClientAddress));
    }

    private sealed class ListSink(List<AuditRecord> written) : IAuditSink
    {
        public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
        {
            written.Add(record);
            return Task.CompletedTask;
        }
    }
}
