using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// Keeps every log entry of a server, at every level and in every category: the formatted message, each
/// structured value, the scopes around it and the exception with its stack, so that a test can search
/// everything a log sink could ever be given.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Everything captured, one entry per line.</summary>
    public string Text => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new System.Text.StringBuilder()
                .Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (key, value) in values) entry.Append(" | ").Append(key).Append('=').Append(value);
            owner._scopes.ForEachScope((scope, text) => text.Append(" | scope ").Append(scope), entry);
            if (exception is not null) entry.Append(" | ").Append(exception);
            owner._lines.Enqueue(entry.ToString());
        }
    }
}
