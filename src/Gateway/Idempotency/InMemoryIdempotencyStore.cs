using System.Collections.Concurrent;

namespace Gateway.Idempotency;

/// <summary>The single-process idempotency store used without Redis.</summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, (IdempotencyRecord Record, DateTimeOffset ExpiresAt)> _records = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InMemoryIdempotencyStore(TimeProvider time)
    {
        _time = time;
    }

    public Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, TimeSpan inFlightLease, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var mine = (new IdempotencyRecord(fingerprint, Done: false), now + inFlightLease);
        while (true)
        {
            if (_records.TryAdd(key, mine))
            {
                return Task.FromResult(new IdempotencyClaim(null));
            }

            if (_records.TryGetValue(key, out var held))
            {
                if (held.ExpiresAt > now)
                {
                    return Task.FromResult(new IdempotencyClaim(held.Record));
                }

                if (_records.TryUpdate(key, mine, held))
                {
                    return Task.FromResult(new IdempotencyClaim(null));
                }
            }
        }
    }

    public Task CompleteAsync(string key, IdempotencyRecord record, TimeSpan retention, CancellationToken cancellationToken)
    {
        _records[key] = (record, _time.GetUtcNow() + retention);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _records.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
