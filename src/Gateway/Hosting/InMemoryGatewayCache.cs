using System.Collections.Concurrent;
using Gateway.Abstractions.Hosting;

namespace Gateway.Hosting;

/// <summary>
/// The single-process <see cref="IGatewayCache"/> used when no Redis is configured. Locks are only
/// exclusive within this process, which is all a single instance needs. Expired entries are swept out every
/// <see cref="SweepEvery"/> writes: without it every notify's dedupe entry would stay in memory for good.
/// </summary>
internal sealed class InMemoryGatewayCache : IGatewayCache
{
    /// <summary>Writes between sweeps: a sweep walks every entry, so its cost is spread over this many writes.</summary>
    internal const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _writes;

    public InMemoryGatewayCache(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
        => ValueTask.FromResult(TryGetLive(key, out var value) ? value : null);

    public ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        _entries[key] = (value, _time.GetUtcNow() + timeToLive);
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0)
        {
            Sweep();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>How many entries are held, live or expired but not yet swept (for tests).</summary>
    internal int Count => _entries.Count;

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var lockKey = "lock:" + key;
        var token = Guid.NewGuid().ToString("N");
        var entry = (token, _time.GetUtcNow() + leaseTime);
        while (true)
        {
            if (_entries.TryAdd(lockKey, entry))
            {
                return ValueTask.FromResult<IAsyncDisposable?>(new Lease(this, lockKey, token));
            }

            if (!_entries.TryGetValue(lockKey, out var held))
            {
                continue; // released in between: try again
            }

            if (held.ExpiresAt > _time.GetUtcNow())
            {
                return ValueTask.FromResult<IAsyncDisposable?>(null);
            }

            // An expired lease may be taken over; compare-and-swap so two takers cannot both win.
            if (_entries.TryUpdate(lockKey, entry, held))
            {
                return ValueTask.FromResult<IAsyncDisposable?>(new Lease(this, lockKey, token));
            }
        }
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _entries)
        {
            if (entry.Value.ExpiresAt <= now)
            {
                // Removes only the version seen: an entry written again meanwhile stays.
                _entries.TryRemove(entry);
            }
        }
    }

    private bool TryGetLive(string key, out string? value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > _time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    private sealed class Lease(InMemoryGatewayCache cache, string key, string token) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            // Release only our own lease, never one a later holder took after ours expired.
            if (cache._entries.TryGetValue(key, out var held) && held.Value == token)
            {
                cache._entries.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(key, held));
            }

            return ValueTask.CompletedTask;
        }
    }
}
