using Gateway.Abstractions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>The single-process deduplicator used without Redis, on the in-process cache's atomic lock.</summary>
internal sealed class InMemoryNotifyDeduplicator : INotifyDeduplicator
{
    private readonly IGatewayCache _cache;
    private readonly NotifyOptions _options;

    public InMemoryNotifyDeduplicator(IGatewayCache cache, IOptions<NotifyOptions> options)
    {
        _cache = cache;
        _options = options.Value;
    }

    public async Task<DedupeResult> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        if (await _cache.GetAsync(key, cancellationToken) is not null)
        {
            return new DedupeResult(DedupeState.Done, null);
        }

        var processing = await _cache.TryLockAsync(key, _options.ProcessingLease, cancellationToken);
        if (processing is null)
        {
            return new DedupeResult(DedupeState.InProgress, null);
        }

        // Re-check: it may have completed between the read and the lock.
        if (await _cache.GetAsync(key, cancellationToken) is not null)
        {
            await processing.DisposeAsync();
            return new DedupeResult(DedupeState.Done, null);
        }

        return new DedupeResult(DedupeState.Began, new Lease(this, key, processing));
    }

    private sealed class Lease(InMemoryNotifyDeduplicator owner, string key, IAsyncDisposable processing) : INotifyLease
    {
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await owner._cache.SetAsync(key, "done", owner._options.DoneRetention, cancellationToken);
            await processing.DisposeAsync();
        }

        public async Task ReleaseAsync(CancellationToken cancellationToken) => await processing.DisposeAsync();
    }
}
