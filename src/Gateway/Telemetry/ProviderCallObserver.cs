using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Plugins;

namespace Gateway.Telemetry;

/// <summary>
/// Wraps one call into a provider instance (create, query, close) in a span and a latency measurement,
/// so every operation of every plugin is observed the same way without plugins knowing about metrics.
/// The plugin's own spans (e.g. <c>wechatpay unifiedorder</c>) and the HTTP client span nest under it.
/// </summary>
internal sealed class ProviderCallObserver
{
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;

    public ProviderCallObserver(GatewayMetrics metrics, TimeProvider time)
    {
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task<ProviderResult<T>> CallAsync<T>(ProviderInstanceState instance, string operation, string paymentId, Func<Task<ProviderResult<T>>> call)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.ProviderCall(operation));
        activity?.SetTag("payment.id", paymentId).SetTag("provider.instance", instance.Name)
            .SetTag("provider.plugin", instance.PluginName).SetTag("provider.operation", operation);
        var started = _time.GetTimestamp();
        var outcome = "exception";
        try
        {
            var result = await call();
            outcome = result.Error is { } error ? error.Kind.ToString().ToLowerInvariant() : "success";
            if (result.Error is { } failed)
            {
                activity?.SetTag("provider.error_code", failed.Code).SetStatus(ActivityStatusCode.Error, failed.Code);
            }

            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            outcome = "unreachable";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("outcome", outcome);
            _metrics.ProviderCall(instance.Name, operation, outcome, _time.GetElapsedTime(started));
        }
    }
}
