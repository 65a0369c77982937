using Gateway.Notify;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis;

/// <summary>
/// Notify dedupe on Redis, shared by every gateway process: <c>SET key processing:&lt;token&gt; NX PX</c>,
/// then <c>done</c> for the retention. Scripts compare the token so a process only ends its own lease.
/// </summary>
internal sealed class RedisNotifyDeduplicator : INotifyDeduplicator
{
    private const string Done = "done";

    // Complete even if our lease lapsed meanwhile (the conditional transition already guarded the state).
    private static readonly LuaScript CompleteScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) if v == @token or not v then redis.call('SET', @key, 'done', 'PX', @ttl) return 1 end return 0");

    private static readonly LuaScript ReleaseScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) end return 0");

    private readonly IConnectionMultiplexer _redis;
    private readonly NotifyOptions _options;

    public RedisNotifyDeduplicator(IConnectionMultiplexer redis, IOptions<NotifyOptions> options)
    {
        _redis = redis;
        _options = options.Value;
    }

    public async Task<DedupeResult> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        var db = _redis.GetDatabase();
        var token = "processing:" + Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await db.StringSetAsync(key, token, _options.ProcessingLease, When.NotExists))
            {
                return new DedupeResult(DedupeState.Began, new Lease(db, key, token, _options.DoneRetention));
            }

            var current = await db.StringGetAsync(key);
            if (current == Done)
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

    private sealed class Lease(IDatabase db, string key, string token, TimeSpan retention) : INotifyLease
    {
        public Task CompleteAsync(CancellationToken cancellationToken)
            => db.ScriptEvaluateAsync(CompleteScript, new { key = (RedisKey)key, token, ttl = (long)retention.TotalMilliseconds });

        public Task ReleaseAsync(CancellationToken cancellationToken)
            => db.ScriptEvaluateAsync(ReleaseScript, new { key = (RedisKey)key, token });
    }
}
