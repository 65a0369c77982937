using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Idempotency;

/// <summary>
/// The single-process idempotency store used without Redis. Answered keys are queued in the order answered and
/// dropped from the front once expired, or once more than <see cref="IdempotencyOptions.InProcessCapacity"/> are
/// held: without that every key would stay in memory for good. A retry with a dropped key runs again, which the
/// operations behind it make harmless (a payment's merchant order id is unique: 409; a refund with the same
/// merchantRefundId and terms is the same refund).
/// </summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, (IdempotencyRecord Record, DateTimeOffset ExpiresAt)> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<KeyValuePair<string, (IdempotencyRecord, DateTimeOffset)>> _answered = new();
    private readonly Lock _trim = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public InMemoryIdempotencyStore(TimeProvider time, IOptions<IdempotencyOptions> options)
    {
        _time = time;
        _capacity = options.Value.InProcessCapacity;
    }

    /// <summary>How many keys are held, answered or in flight (for tests).</summary>
    internal int Count => _records.Count;

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
        var now = _time.GetUtcNow();
        var answered = (record, now + retention);
        _records[key] = answered;
        _answered.Enqueue(new(key, answered));
        DropOldest(now);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _records.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    // Retention is one setting, so the front of the queue expires first. Removing the queued version only leaves
    // a key answered again since (or released and begun again) in place.
    private void DropOldest(DateTimeOffset now)
    {
        lock (_trim)
        {
            while (_answered.TryPeek(out var oldest) && (_answered.Count > _capacity || oldest.Value.Item2 <= now))
            {
                _answered.TryDequeue(out _);
                _records.TryRemove(oldest);
            }
        }
    }
}
