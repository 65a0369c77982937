using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChat.Common.Tokens;

/// <summary>
/// Keeps WeChat tokens (base access_token, jsapi_ticket) in the gateway's shared cache with their lifetime,
/// refreshed a little before they expire, and refreshed by one caller at a time: a per-process single flight
/// (one <see cref="SemaphoreSlim"/> per key) in front of the cross-process <see cref="IGatewayCache.TryLockAsync"/>
/// lease; whoever gets the lease reads the cache again before calling WeChat, and a process that finds the lease
/// taken polls the cache for the other process's result. Every extra call counts against WeChat's daily quota
/// and a new access_token invalidates the old one, so this matters.
/// </summary>
internal sealed partial class SharedTokenCache
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly IGatewayCache _cache;
    private readonly ILogger _logger;

    public SharedTokenCache(IGatewayCache cache, ILogger logger)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>How long before WeChat's expiry a token is refreshed (at most a tenth of its lifetime).</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the cross-process refresh lease is held at most.</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for another process's refresh before giving up.</summary>
    public TimeSpan WaitForOtherProcess { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to look at the cache while another process refreshes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The cached token under <paramref name="key"/>, or a fresh one from <paramref name="fetch"/> (called by one caller at a time).</summary>
    public async Task<string> GetAsync(string key, Func<CancellationToken, Task<IssuedToken>> fetch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(fetch);
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The caller before us in this process may have refreshed it already.
            if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } refreshed)
            {
                return refreshed;
            }

            var lease = await _cache.TryLockAsync("refresh:" + key, LeaseTime, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                return await WaitForOtherProcessAsync(key, cancellationToken).ConfigureAwait(false);
            }

            await using (lease.ConfigureAwait(false))
            {
                // Another process may have finished between our read and our lease.
                if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } filled)
                {
                    return filled;
                }

                var issued = await fetch(cancellationToken).ConfigureAwait(false);
                await _cache.SetAsync(key, issued.Value, TimeToLive(issued.Lifetime), cancellationToken).ConfigureAwait(false);
                Log.Refreshed(_logger, key, (int)issued.Lifetime.TotalSeconds);
                return issued.Value;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops <paramref name="staleValue"/> from the cache (only if it is still the cached one), after WeChat said it is no longer valid.</summary>
    public async ValueTask InvalidateAsync(string key, string staleValue, CancellationToken cancellationToken)
    {
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) == staleValue)
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            Log.Invalidated(_logger, key);
        }
    }

    /// <summary>How long a token is served from the cache: its lifetime minus the refresh margin.</summary>
    internal TimeSpan TimeToLive(TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return TimeSpan.FromSeconds(1);
        }

        var margin = TimeSpan.FromTicks(Math.Min(RefreshBefore.Ticks, lifetime.Ticks / 10));
        return lifetime - margin;
    }

    private async Task<string> WaitForOtherProcessAsync(string key, CancellationToken cancellationToken)
    {
        Log.WaitingForOtherProcess(_logger, key);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < WaitForOtherProcess)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } value)
            {
                return value;
            }
        }

        throw new TokenUnavailableException($"No token appeared under '{key}' while another process held the refresh lease.");
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Information, "Refreshed WeChat token {Key}; WeChat gives it {Seconds} s.")]
        public static partial void Refreshed(ILogger logger, string key, int seconds);

        [LoggerMessage(21, LogLevel.Information, "Another process is refreshing WeChat token {Key}; waiting for it.")]
        public static partial void WaitingForOtherProcess(ILogger logger, string key);

        [LoggerMessage(22, LogLevel.Warning, "WeChat rejected the cached token {Key}; dropped it.")]
        public static partial void Invalidated(ILogger logger, string key);
    }
}
