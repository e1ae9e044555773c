using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Health;

/// <summary>A repository that would send passwords in clear text is named in a warning when the server starts.</summary>
public sealed class ClearTextWarningTests
{
    private static JsonObject Repository(string name, string url, bool startTls = false) => new()
    {
        ["name"] = name, ["type"] = "ldap", ["url"] = url, ["startTls"] = startTls,
        ["baseDn"] = SlapdFixture.BaseDn, ["bindDn"] = SlapdFixture.ServiceDn, ["bindPassword"] = SlapdFixture.ServicePassword,
    };

    [Fact]
    public async Task Plain_ldap_without_starttls_is_named_at_start()
    {
        var port = SlapdFixture.FreePort();
        var logs = new CapturedLogs();
        using var factory = new OpenAafFactory(DirectoryServers.Bootstrap(
            Repository("PLAIN", $"ldap://127.0.0.1:{port}"),
            Repository("WRAPPED", $"ldap://127.0.0.1:{port}", startTls: true),
            Repository("TLS", $"ldaps://127.0.0.1:{port}")));
        using var started = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        started.CreateClient();

        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Text.Contains("clear text")).Select(l => l.Text).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("PLAIN", warning);
        Assert.DoesNotContain(SlapdFixture.ServicePassword, warning);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
