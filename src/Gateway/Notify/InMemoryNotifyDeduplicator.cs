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

    public async Task<bool> IsDoneAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
        => await _cache.GetAsync(entry.Key, cancellationToken) == entry.Fingerprint;

    public async Task<DedupeResult> TryBeginAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
    {
        var key = entry.Key;
        if (NotifyDedupeEntry.IsDone(await _cache.GetAsync(key, cancellationToken)))
        {
            return new DedupeResult(DedupeState.Done, null);
        }

        var processing = await _cache.TryLockAsync(key, _options.ProcessingLease, cancellationToken);
        if (processing is null)
        {
            return new DedupeResult(DedupeState.InProgress, null);
        }

        // Re-check: it may have completed between the read and the lock.
        if (NotifyDedupeEntry.IsDone(await _cache.GetAsync(key, cancellationToken)))
        {
            await processing.DisposeAsync();
            return new DedupeResult(DedupeState.Done, null);
        }

        return new DedupeResult(DedupeState.Began, new Lease(this, entry, processing));
    }

    private sealed class Lease(InMemoryNotifyDeduplicator owner, NotifyDedupeEntry entry, IAsyncDisposable processing) : INotifyLease
    {
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await owner._cache.SetAsync(entry.Key, entry.Fingerprint, owner._options.DoneRetention, cancellationToken);
            await processing.DisposeAsync();
        }

        public async Task ReleaseAsync(CancellationToken cancellationToken) => await processing.DisposeAsync();
    }
}
