using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>
/// The gateway's one <see cref="Meter"/> ("Gateway") and its instruments. Created through
/// <see cref="IMeterFactory"/>, so each host (and each test host) has its own meter instance while the
/// exporters still subscribe by name. Tag values are ids and outcomes, never secrets.
/// </summary>
internal sealed class GatewayMetrics
{
    /// <summary>The meter name exporters subscribe to.</summary>
    public const string MeterName = "Gateway";

    private readonly Counter<long> _paymentsCreated;
    private readonly Histogram<double> _providerCallDuration;
    private readonly Counter<long> _notifyOutcomes;
    private readonly Counter<long> _syncResults;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _bulkheadRejections;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _paymentsCreated = Meter.CreateCounter<long>("gateway.payments.created", "{payment}", "Create requests by channel, provider instance and outcome.");
        _providerCallDuration = Meter.CreateHistogram<double>("gateway.provider.call.duration", "s", "Latency of calls into provider instances.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _notifyOutcomes = Meter.CreateCounter<long>("gateway.notify.outcomes", "{notify}", "Provider notifies by instance and outcome.");
        _syncResults = Meter.CreateCounter<long>("gateway.sync.results", "{sync}", "Payment syncs by instance and result.");
        _rateLimitRejections = Meter.CreateCounter<long>("gateway.ratelimit.rejections", "{request}", "Requests refused with 429, by policy.");
        _bulkheadRejections = Meter.CreateCounter<long>("gateway.bulkhead.rejections", "{call}", "Provider calls refused or timed out by the bulkhead.");

        // Declared now so dashboards can be built; the webhook delivery work records them.
        WebhookDeliveries = Meter.CreateCounter<long>("gateway.webhook.deliveries", "{delivery}", "Webhook delivery attempts by outcome.");
        WebhookRetries = Meter.CreateCounter<long>("gateway.webhook.retries", "{delivery}", "Webhook deliveries scheduled for another attempt.");
    }

    /// <summary>The meter itself (tests filter listeners on it).</summary>
    public Meter Meter { get; }

    /// <summary>Webhook delivery attempts; tags <c>outcome</c>.</summary>
    public Counter<long> WebhookDeliveries { get; }

    /// <summary>Webhook retries scheduled; tags <c>attempt</c>.</summary>
    public Counter<long> WebhookRetries { get; }

    public void PaymentCreated(string channel, string? instance, string outcome)
        => _paymentsCreated.Add(1, new TagList { { "payment.channel", channel }, { "provider.instance", instance ?? "none" }, { "outcome", outcome } });

    public void ProviderCall(string instance, string operation, string outcome, TimeSpan elapsed)
        => _providerCallDuration.Record(elapsed.TotalSeconds, new TagList { { "provider.instance", instance }, { "provider.operation", operation }, { "outcome", outcome } });

    public void NotifyOutcome(string instance, string outcome)
        => _notifyOutcomes.Add(1, new TagList { { "provider.instance", instance }, { "outcome", outcome } });

    public void SyncResult(string instance, string outcome)
        => _syncResults.Add(1, new TagList { { "provider.instance", instance }, { "outcome", outcome } });

    public void RateLimitRejected(string policy)
        => _rateLimitRejections.Add(1, new TagList { { "policy", policy } });

    public void BulkheadRejected(string instance, string reason)
        => _bulkheadRejections.Add(1, new TagList { { "provider.instance", instance }, { "reason", reason } });
}
