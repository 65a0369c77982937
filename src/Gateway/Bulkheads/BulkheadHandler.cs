using Gateway.Telemetry;

namespace Gateway.Bulkheads;

/// <summary>
/// Caps one provider instance's outgoing calls (concurrency, queue, time), so a slow provider exhausts
/// only its own slots and never the threads, sockets or patience that other instances need. A refused or
/// timed-out call throws <see cref="HttpRequestException"/>, which plugins pass on and the host already
/// treats as a transient provider failure (payment left pending, 502 to the caller).
/// </summary>
internal sealed class BulkheadHandler : DelegatingHandler
{
    private readonly Bulkhead _bulkhead;
    private readonly GatewayMetrics _metrics;

    public BulkheadHandler(Bulkhead bulkhead, GatewayMetrics metrics)
    {
        _bulkhead = bulkhead ?? throw new ArgumentNullException(nameof(bulkhead));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_bulkhead.Timeout);
        try
        {
            using var lease = await _bulkhead.Limiter.AcquireAsync(1, timeout.Token);
            if (!lease.IsAcquired)
            {
                _metrics.BulkheadRejected(_bulkhead.Instance, "full");
                throw new HttpRequestException($"Provider instance '{_bulkhead.Instance}' has too many calls in flight (bulkhead full).");
            }

            return await base.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            _metrics.BulkheadRejected(_bulkhead.Instance, "timeout");
            throw new HttpRequestException(
                $"Provider instance '{_bulkhead.Instance}' did not answer within {_bulkhead.Timeout.TotalSeconds:0.###} s (bulkhead timeout).",
                new TimeoutException(ex.Message, ex));
        }
    }
}
