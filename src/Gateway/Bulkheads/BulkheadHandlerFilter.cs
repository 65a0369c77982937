using Gateway.Plugins;
using Gateway.Telemetry;
using Microsoft.Extensions.Http;

namespace Gateway.Bulkheads;

/// <summary>
/// Puts a <see cref="BulkheadHandler"/> on every client named <c>provider:{instance}</c>. A filter, not a
/// per-name registration, because instance names come from configuration and plugins create clients by
/// name at run time.
/// </summary>
internal sealed class BulkheadHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly ProviderBulkheads _bulkheads;
    private readonly GatewayMetrics _metrics;

    public BulkheadHandlerFilter(ProviderBulkheads bulkheads, GatewayMetrics metrics)
    {
        _bulkheads = bulkheads ?? throw new ArgumentNullException(nameof(bulkheads));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && name.StartsWith(ProviderHttpClients.Prefix, StringComparison.Ordinal))
        {
            // Outermost, so time spent queueing for a slot counts against the call's budget too.
            builder.AdditionalHandlers.Insert(0, new BulkheadHandler(_bulkheads.For(name[ProviderHttpClients.Prefix.Length..]), _metrics));
        }
    };
}
