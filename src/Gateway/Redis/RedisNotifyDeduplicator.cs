using Gateway.Notify;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis;

/// <summary>
/// Notify dedupe on Redis, shared by every gateway process: <c>SET key processing:&lt;token&gt; NX PX</c>,
/// then <c>done|…</c> (the notify's fingerprint, <see cref="NotifyDedupeEntry"/>) for the retention. Scripts
/// compare the token so a process only ends its own lease.
/// </summary>
internal sealed class RedisNotifyDeduplicator : INotifyDeduplicator
{
    // Complete even if our lease lapsed meanwhile (the conditional transition already guarded the state).
    private static readonly LuaScript CompleteScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) if v == @token or not v then redis.call('SET', @key, @done, 'PX', @ttl) return 1 end return 0");

    private static readonly LuaScript ReleaseScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) end return 0");

    private readonly IConnectionMultiplexer _redis;
    private readonly NotifyOptions _options;

    public RedisNotifyDeduplicator(IConnectionMultiplexer redis, IOptions<NotifyOptions> options)
    {
        _redis = redis;
        _options = options.Value;
    }

    public async Task<bool> IsDoneAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
        => await _redis.GetDatabase().StringGetAsync(entry.Key) == entry.Fingerprint;

    public async Task<DedupeResult> TryBeginAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
    {
        var db = _redis.GetDatabase();
        var key = entry.Key;
        var token = "processing:" + Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await db.StringSetAsync(key, token, _options.ProcessingLease, When.NotExists))
            {
                return new DedupeResult(DedupeState.Began, new Lease(db, entry, token, _options.DoneRetention));
            }

            var current = await db.StringGetAsync(key);
            if (NotifyDedupeEntry.IsDone(current))
            {
                return new DedupeResult(DedupeState.Done, null);
            }

            if (current.HasValue)
            {
                return new DedupeResult(DedupeState.InProgress, null);
            }

            // The other lease expired between our SET and GET: try once more.
        }

        return new DedupeResult(DedupeState.InProgress, null);
    }

    private sealed class Lease(IDatabase db, NotifyDedupeEntry entry, string token, TimeSpan retention) : INotifyLease
    {
        public Task CompleteAsync(CancellationToken cancellationToken)
            => db.ScriptEvaluateAsync(CompleteScript, new { key = (RedisKey)entry.Key, token, done = entry.Fingerprint, ttl = (long)retention.TotalMilliseconds });

        public Task ReleaseAsync(CancellationToken cancellationToken)
            => db.ScriptEvaluateAsync(ReleaseScript, new { key = (RedisKey)entry.Key, token });
    }
}
