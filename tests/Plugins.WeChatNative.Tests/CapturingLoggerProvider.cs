using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative.Tests;

/// <summary>Keeps every formatted log line, so tests can assert what never reaches the logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The highest level logged so far (None before anything is logged).</summary>
    public LogLevel? HighestLevel { get; private set; }

    /// <summary>Forgets the level logged so far (e.g. while the instance was built).</summary>
    public void ResetHighestLevel() => HighestLevel = null;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Enqueue(formatter(state, exception) + " " + exception);
        HighestLevel = HighestLevel is { } highest && highest > logLevel ? highest : logLevel;
    }

    public void Dispose()
    {
    }
}
