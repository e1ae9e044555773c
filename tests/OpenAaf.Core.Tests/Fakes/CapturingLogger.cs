using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>Keeps every log line as written (message and any exception's text), for tests that check what a log carries.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
}
