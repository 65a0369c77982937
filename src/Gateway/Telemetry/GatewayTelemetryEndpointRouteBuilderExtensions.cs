using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class GatewayTelemetryEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format when <c>Gateway:Telemetry:Prometheus</c> is on (the default).
    /// Anonymous like a health probe: it carries counts and latencies, no payment data; keep it off the public edge.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayMetrics(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            endpoints.MapPrometheusScrapingEndpoint().AllowAnonymous().ExcludeFromDescription();
        }

        return endpoints;
    }
}
