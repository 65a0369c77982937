using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>Keeps every log record (message, structured values, scopes, exception) as text, for scans.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Records => _records;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                (scope, _) =>
                {
                    text.Append(" | scope: ").Append(scope);
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            scopes[key] = value?.ToString() ?? "";
                            text.Append(' ').Append(key).Append('=').Append(value);
                        }
                    }
                },
                (object?)null);
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            owner._records.Enqueue(new CapturedLog(category, logLevel, text.ToString(), scopes));
        }
    }
}

/// <summary>One captured record; <see cref="Scopes"/> holds the structured scope values (PaymentId, TraceId…).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text, IReadOnlyDictionary<string, string> Scopes);
