using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SessionAuth.Tests;

/// <summary>Keeps what the app logs, so tests can see what an operator would read.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _messages = new();

    public IReadOnlyCollection<(LogLevel Level, string Category, string Text)> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._messages.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
