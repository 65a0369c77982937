using Gateway.Abstractions.Hosting;
using StackExchange.Redis;

namespace Gateway.Redis;

/// <summary>The shared cache on Redis: provider tokens and sessions seen by every gateway process.</summary>
internal sealed class RedisGatewayCache : IGatewayCache
{
    private static readonly LuaScript ReleaseScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) end return 0");

    private readonly IConnectionMultiplexer _redis;

    public RedisGatewayCache(IConnectionMultiplexer redis)
    {
        _redis = redis;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync("cache:" + key);
        return value.HasValue ? value.ToString() : null;
    }

    public async ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken)
        => await Db.StringSetAsync("cache:" + key, value, timeToLive);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
        => await Db.KeyDeleteAsync("cache:" + key);

    public async ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var lockKey = "lock:" + key;
        var token = Guid.NewGuid().ToString("N");
        return await Db.StringSetAsync(lockKey, token, leaseTime, When.NotExists) ? new Lease(Db, lockKey, token) : null;
    }

    private sealed class Lease(IDatabase db, string key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.ScriptEvaluateAsync(ReleaseScript, new { key = (RedisKey)key, token });
    }
}
