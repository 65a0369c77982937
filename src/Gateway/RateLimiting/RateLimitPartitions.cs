using System.Threading.RateLimiting;
using Gateway.Security;
using Microsoft.Extensions.Options;

namespace Gateway.RateLimiting;

/// <summary>
/// Picks the partition (and its limit) of a request. Limiters are created once per partition key, so a
/// changed limit applies to partitions first seen after the change.
/// </summary>
internal static class RateLimitPartitions
{
    public static RateLimitPartition<string> Api(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;

        // UseRateLimiter runs after UseAuthentication, so the API key has been resolved to its client id.
        var clientId = context.User.FindFirst(ApiKeyAuthenticationHandler.ClientIdClaim)?.Value;
        return clientId is not null
            ? TokenBucket("client:" + clientId, options.For(clientId))
            : TokenBucket("ip:" + context.Connection.RemoteIpAddress, options.Default);
    }

    /// <summary>Plugin routes per caller IP; every other request is not limited here.</summary>
    public static RateLimitPartition<string> PluginPerIp(HttpContext context)
        => PluginInstance(context) is null
            ? RateLimitPartition.GetNoLimiter("")
            : TokenBucket("plugin-ip:" + context.Connection.RemoteIpAddress, Options(context).PluginsPerIp);

    /// <summary>Plugin routes per provider instance (the first segment after <c>/p/</c>).</summary>
    public static RateLimitPartition<string> PluginPerInstance(HttpContext context)
        => PluginInstance(context) is not { } instance
            ? RateLimitPartition.GetNoLimiter("")
            : TokenBucket("plugin-instance:" + instance, Options(context).PluginsPerInstance);

    private static string? PluginInstance(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/p", out var rest) || !rest.HasValue)
        {
            return null;
        }

        var segment = rest.Value!.TrimStart('/');
        var end = segment.IndexOf('/');
        return end < 0 ? segment : segment[..end];
    }

    private static RateLimitOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;

    private static RateLimitPartition<string> TokenBucket(string key, TokenBucketLimit limit)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,

            // Refuse at once: a queued API call only adds latency the caller did not ask for.
            QueueLimit = 0,
        });
}
