using Gateway.Abstractions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>
/// The single-process deduplicator used without Redis: the lease is the in-process cache's atomic lock (removed
/// when released), "done" is remembered in a bounded <see cref="DoneNotifyMemory"/>.
/// </summary>
internal sealed class InMemoryNotifyDeduplicator : INotifyDeduplicator
{
    private readonly IGatewayCache _cache;
    private readonly NotifyOptions _options;
    private readonly DoneNotifyMemory _done;

    public InMemoryNotifyDeduplicator(IGatewayCache cache, IOptions<NotifyOptions> options, TimeProvider time)
    {
        _cache = cache;
        _options = options.Value;
        _done = new DoneNotifyMemory(time, _options.DoneRetention, _options.InProcessDedupeCapacity);
    }

    /// <summary>How many done notifies are remembered (for tests).</summary>
    internal int Remembered => _done.Count;

    public Task<bool> IsDoneAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
        => Task.FromResult(_done.IsDone(entry.Key, entry.Fingerprint));

    public async Task<DedupeResult> TryBeginAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
    {
        var key = entry.Key;
        if (_done.IsDone(key))
        {
            return new DedupeResult(DedupeState.Done, null);
        }

        var processing = await _cache.TryLockAsync(key, _options.ProcessingLease, cancellationToken);
        if (processing is null)
        {
            return new DedupeResult(DedupeState.InProgress, null);
        }

        // Re-check: it may have completed between the read and the lock.
        if (_done.IsDone(key))
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
            owner._done.Remember(entry.Key, entry.Fingerprint);
            await processing.DisposeAsync();
        }

        public async Task ReleaseAsync(CancellationToken cancellationToken) => await processing.DisposeAsync();
    }
}
