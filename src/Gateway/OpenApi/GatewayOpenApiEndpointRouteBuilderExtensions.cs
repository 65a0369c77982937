using Gateway.OpenApi;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the OpenAPI document and, in Development, its interactive reference.</summary>
public static class GatewayOpenApiEndpointRouteBuilderExtensions
{
    /// <summary><c>/openapi/v1.json</c>; with <paramref name="withUi"/> also <c>/scalar/v1</c>.</summary>
    public static IEndpointRouteBuilder MapGatewayOpenApi(this IEndpointRouteBuilder endpoints, bool withUi)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        if (withUi)
        {
            endpoints.MapScalarApiReference(options => options.WithTitle("Payment gateway API")).AllowAnonymous();
        }

        return endpoints;
    }
}
