using System.Collections.Concurrent;
using Gateway.Abstractions.Hosting;

namespace Gateway.Plugins.WeChat.Testing;

/// <summary>An <see cref="IGatewayCache"/> on a controllable clock, with exclusive leases.</summary>
public sealed class TestCache(TimeProvider time) : IGatewayCache
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _entries = new();

    /// <summary>When true, every lease is refused (another process holds it).</summary>
    public bool LeaseHeldElsewhere { get; set; }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
        => ValueTask.FromResult(_entries.TryGetValue(key, out var e) && e.ExpiresAt > time.GetUtcNow() ? e.Value : null);

    public ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        _entries[key] = (value, time.GetUtcNow() + timeToLive);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var lockKey = "lock:" + key;
        if (LeaseHeldElsewhere || !_entries.TryAdd(lockKey, ("held", time.GetUtcNow() + leaseTime)))
        {
            return ValueTask.FromResult<IAsyncDisposable?>(null);
        }

        return ValueTask.FromResult<IAsyncDisposable?>(new Release(() => _entries.TryRemove(lockKey, out _)));
    }

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A clock tests move by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
