using Gateway.RequestHygiene;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the request guard (body cap, control characters) to the pipeline.</summary>
public static class GatewayRequestHygieneExtensions
{
    /// <summary>Place it first, so nothing reads an oversized or dirty request before it is refused.</summary>
    public static IApplicationBuilder UseGatewayRequestHygiene(this IApplicationBuilder app)
        => app.UseMiddleware<RequestHygieneMiddleware>();
}
