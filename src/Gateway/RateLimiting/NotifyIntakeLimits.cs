using System.Threading.RateLimiting;
using Gateway.Abstractions.Notify;
using Microsoft.Extensions.Options;

namespace Gateway.RateLimiting;

/// <summary>
/// Notify rate limits in two partitions, so a forged flood cannot starve the provider's real notifies:
/// notifies that failed verification count against their source IP (<see cref="RateLimitOptions.NotifyUnverifiedPerIp"/>),
/// verified ones against their instance (<see cref="RateLimitOptions.Notify"/>). A notify is let in while both its
/// IP's and its instance's buckets have permits, and spends a permit from one of them once its outcome is known.
/// </summary>
internal sealed class NotifyIntakeLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _unverifiedPerIp;
    private readonly PartitionedRateLimiter<string> _verifiedPerInstance;

    public NotifyIntakeLimits(IOptionsMonitor<RateLimitOptions> options)
    {
        _unverifiedPerIp = PartitionedRateLimiter.Create<string, string>(ip => Bucket(ip, options.CurrentValue.NotifyUnverifiedPerIp));
        _verifiedPerInstance = PartitionedRateLimiter.Create<string, string>(instance => Bucket(instance, options.CurrentValue.Notify));
    }

    /// <summary>True while neither the source IP's failed-verification bucket nor the instance's bucket is empty.</summary>
    public bool Admits(string ip, string instance)
        => _unverifiedPerIp.GetStatistics(ip) is not { CurrentAvailablePermits: <= 0 }
            && _verifiedPerInstance.GetStatistics(instance) is not { CurrentAvailablePermits: <= 0 };

    /// <summary>Spends the permit of a handled notify: from its IP when it did not verify, else from its instance.</summary>
    public void Record(string ip, string instance, string outcome)
    {
        var unverified = outcome is NotifyRejections.BadSignature or NotifyRejections.Malformed or NotifyRejections.Unsupported;
        using var lease = unverified ? _unverifiedPerIp.AttemptAcquire(ip) : _verifiedPerInstance.AttemptAcquire(instance);
    }

    public void Dispose()
    {
        _unverifiedPerIp.Dispose();
        _verifiedPerInstance.Dispose();
    }

    private static RateLimitPartition<string> Bucket(string key, TokenBucketLimit limit)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        });
}
