using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>Keeps every log entry that carries an exception or is an error, so tests can assert the server stayed quiet.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyList<string> Problems => [.. _problems];

    public void Clear() => _problems.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _problems);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> problems) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null || logLevel >= LogLevel.Error)
                problems.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
