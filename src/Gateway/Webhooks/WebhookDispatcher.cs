using System.Diagnostics;
using System.Text;
using Gateway.Abstractions.Hosting;
using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Webhooks;

/// <summary>
/// Delivers outbox events: claims due ones under a lease (so two gateway processes never send the same
/// event at once), POSTs the signed JSON, and retries with backoff until a 2xx or the schedule runs out.
/// Every attempt is recorded.
/// </summary>
internal sealed partial class WebhookDispatcher : PollingWorker
{
    public const string HttpClientName = "Gateway.Webhooks";
    private readonly WebhookStore _store;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly GatewayMetrics _metrics;

    public WebhookDispatcher(
        WebhookStore store, GatewaySnapshotProvider snapshots, IHttpClientFactory http, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger,
        GatewayMetrics metrics)
        : base(time, logger)
    {
        _metrics = metrics;
        _store = store;
        _snapshots = snapshots;
        _http = http;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    protected override TimeSpan PollInterval => _options.PollInterval;

    protected override async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var due = await _store.ClaimDueAsync(LeaseOwner, _time.GetUtcNow(), _options.EffectiveLease, 20, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, DeliverAsync);
        return due.Count;
    }

    private async ValueTask DeliverAsync(WebhookEvent webhook, CancellationToken cancellationToken)
    {
        // Delivery runs in no request's trace: the span links back to the payment's create instead.
        using var activity = GatewayActivities.StartForPayment(GatewayActivities.WebhookDeliver, webhook.PaymentId, webhook.TraceParent, ActivityKind.Producer);
        activity?.SetTag("webhook.event_id", webhook.Id).SetTag("webhook.type", webhook.Type);
        var started = _time.GetUtcNow();
        int? status = null;
        string? error = null;
        var secrets = _snapshots.Current.Clients.GetValueOrDefault(webhook.ClientId)?.WebhookSecrets ?? [];
        try
        {
            // Webhooks are always signed: with no secret (the client's was removed) nothing is sent.
            if (secrets.Count == 0)
            {
                throw new HttpRequestException("the client has no webhook secret; nothing was sent.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(webhook.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(webhook.Payload, started, secrets));
            request.Headers.Add("Gateway-Event-Id", webhook.Id);
            request.Headers.Add("Gateway-Event-Type", webhook.Type);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            error = ex is OperationCanceledException ? "timeout" : ex.Message;
        }

        var delivered = status is >= 200 and < 300;
        var retryAt = delivered || webhook.Attempts >= _options.Schedule.Count ? (DateTimeOffset?)null : _time.GetUtcNow() + _options.Schedule[webhook.Attempts];
        var attempt = new WebhookAttempt(webhook.Id, started, status, error, (long)(_time.GetUtcNow() - started).TotalMilliseconds);
        await _store.RecordAttemptAsync(webhook, LeaseOwner, attempt, retryAt, CancellationToken.None);
        var outcome = delivered ? "delivered" : retryAt is null ? "gave_up" : "retry";
        activity?.SetTag("webhook.status_code", status).SetTag("webhook.outcome", outcome);
        _metrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (retryAt is not null)
        {
            _metrics.WebhookRetries.Add(1, new KeyValuePair<string, object?>("attempt", webhook.Attempts + 1));
        }
        if (!delivered)
        {
            Log.AttemptFailed(_logger, webhook.Id, webhook.PaymentId, webhook.Attempts + 1, status?.ToString() ?? error ?? "unknown", retryAt);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Webhook {EventId} for payment {PaymentId}: attempt {Attempt} failed ({Outcome}); next at {RetryAt}")]
        public static partial void AttemptFailed(ILogger logger, string eventId, string paymentId, int attempt, string outcome, DateTimeOffset? retryAt);
    }
}
