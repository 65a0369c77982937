using System.Text.Json;
using Gateway.Idempotency;
using StackExchange.Redis;

namespace Gateway.Redis;

/// <summary><c>Idempotency-Key</c> records on Redis, so a retry may reach any gateway process.</summary>
internal sealed class RedisIdempotencyStore : IIdempotencyStore
{
    // Claim atomically: write our in-flight record unless one exists, and return whatever was there.
    private static readonly LuaScript ClaimScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) if v then return v end redis.call('SET', @key, @record, 'PX', @ttl) return false");

    private readonly IConnectionMultiplexer _redis;

    public RedisIdempotencyStore(IConnectionMultiplexer redis)
    {
        _redis = redis;
    }

    public async Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, TimeSpan inFlightLease, CancellationToken cancellationToken)
    {
        var record = JsonSerializer.Serialize(new IdempotencyRecord(fingerprint, Done: false));
        var existing = await _redis.GetDatabase().ScriptEvaluateAsync(ClaimScript, new { key = (RedisKey)key, record, ttl = (long)inFlightLease.TotalMilliseconds });
        return new IdempotencyClaim(existing.IsNull ? null : JsonSerializer.Deserialize<IdempotencyRecord>((string)existing!));
    }

    public Task CompleteAsync(string key, IdempotencyRecord record, TimeSpan retention, CancellationToken cancellationToken)
        => _redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(record), retention);

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) => _redis.GetDatabase().KeyDeleteAsync(key);
}
