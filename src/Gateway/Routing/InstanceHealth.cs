using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Routing;

/// <summary>
/// Passive health: instances benched after a transient failure, by instance name (so a configuration
/// reload does not forget them). Business refusals never bench; only the payment creator reports.
/// </summary>
internal sealed partial class InstanceHealth
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _benchedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<RoutingOptions> _options;
    private readonly ILogger<InstanceHealth> _logger;

    public InstanceHealth(TimeProvider time, IOptionsMonitor<RoutingOptions> options, ILogger<InstanceHealth> logger)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Skips <paramref name="instance"/> for <see cref="RoutingOptions.BenchSeconds"/> from now.</summary>
    public void Bench(string instance, string reason)
    {
        var seconds = Math.Max(0, _options.CurrentValue.BenchSeconds);
        _benchedUntil[instance] = _time.GetUtcNow().AddSeconds(seconds);
        Log.Benched(_logger, instance, seconds, reason);
    }

    /// <summary>True while the instance is benched.</summary>
    public bool IsBenched(string instance)
    {
        if (!_benchedUntil.TryGetValue(instance, out var until))
        {
            return false;
        }

        if (_time.GetUtcNow() < until)
        {
            return true;
        }

        // Only remove the entry we saw, not a newer bench set meanwhile by another request.
        _benchedUntil.TryRemove(KeyValuePair.Create(instance, until));
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Instance {Instance} benched for {Seconds} s after a transient failure ({Reason})")]
        public static partial void Benched(ILogger logger, string instance, int seconds, string reason);
    }
}
