using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// With <c>telemetry.otlpEndpoint</c> set, the spans of a logon reach an OTLP collector: here a listener on
/// a loopback port that takes protobuf over HTTP, as an OpenTelemetry Collector's <c>otlphttp</c> receiver does.
/// </summary>
public sealed class OtlpExportTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    [Fact]
    public async Task TheSpansOfALogon_AreExportedToTheConfiguredCollector()
    {
        using var collector = new OtlpHttpCollector();
        var server = new TelemetryServer(slapd, new JsonObject { ["otlpEndpoint"] = collector.Url, ["otlpProtocol"] = "http/protobuf" });
        string processId;
        try
        {
            var session = await server.Api.NewEndpointSessionAsync();
            (_, processId) = await server.PasswordAsync(session, "carol", TelemetryServer.CarolPassword);
        }
        finally
        {
            // Stopping the host flushes the exporter.
            server.Dispose();
        }

        var exported = await collector.WaitForAsync(body => Contains(body, processId), TimeSpan.FromSeconds(30));

        Assert.Equal("/v1/traces", exported.Path);
        Assert.Equal("application/x-protobuf", exported.ContentType);
        // Protobuf keeps strings as UTF-8 bytes: the service, the source, the span names and the process id are there.
        foreach (var text in new[] { "openaaf", "OpenAaf", "logon start", "logon do_logon", "verify PASSWORD:1", processId })
            Assert.True(Contains(exported.Body, text), $"no \"{text}\" in the export");
        Assert.False(Contains(exported.Body, TelemetryServer.CarolPassword));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private sealed record Export(string Path, string? ContentType, byte[] Body);

    /// <summary>Answers every POST with 200 and an empty ExportTraceServiceResponse, keeping what it got.</summary>
    private sealed class OtlpHttpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly BlockingCollection<Export> _received = [];
        private readonly Task _loop;

        public OtlpHttpCollector()
        {
            var port = SlapdFixture.FreePort();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public async Task<Export> WaitForAsync(Func<byte[], bool> match, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            await Task.Yield();
            while (true)
            {
                var export = _received.Take(cancel.Token);
                if (match(export.Body)) return export;
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _received.Dispose();
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Add(new Export(context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
