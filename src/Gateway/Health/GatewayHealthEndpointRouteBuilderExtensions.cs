using Gateway.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class GatewayHealthEndpointRouteBuilderExtensions
{
    /// <summary>Live: the process answers (only checks tagged live). Ready: every check tagged ready passes.</summary>
    public static IEndpointRouteBuilder MapGatewayHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(GatewayHealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(GatewayHealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
