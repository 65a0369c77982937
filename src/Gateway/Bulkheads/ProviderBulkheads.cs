using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Gateway.Bulkheads;

/// <summary>
/// One concurrency limiter per provider instance, kept for the life of the host: HttpClientFactory
/// rebuilds handler chains every few minutes, and a limiter held by a handler would reset with it.
/// </summary>
internal sealed class ProviderBulkheads : IDisposable
{
    private readonly ConcurrentDictionary<string, Bulkhead> _bulkheads = new(StringComparer.Ordinal);
    private readonly IConfiguration _configuration;

    public ProviderBulkheads(IConfiguration configuration)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
    }

    /// <summary>The bulkhead of <paramref name="instance"/>, created from configuration on first use.</summary>
    public Bulkhead For(string instance) => _bulkheads.GetOrAdd(instance, name =>
    {
        var options = _configuration.GetSection(BulkheadOptions.SectionFor(name)).Get<BulkheadOptions>() ?? new BulkheadOptions();
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = options.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        return new Bulkhead(name, limiter, TimeSpan.FromSeconds(options.TimeoutSeconds));
    });

    public void Dispose()
    {
        foreach (var bulkhead in _bulkheads.Values)
        {
            bulkhead.Limiter.Dispose();
        }
    }
}

/// <summary>An instance's limiter and its per-call time budget.</summary>
internal sealed record Bulkhead(string Instance, ConcurrencyLimiter Limiter, TimeSpan Timeout);
