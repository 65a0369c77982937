using Gateway.OpenApi;
using Gateway.Security;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenAPI document of the unified API.</summary>
public static class GatewayOpenApiServiceCollectionExtensions
{
    /// <summary>
    /// The <c>v1</c> document: only <c>/v1/*</c> (callbacks, the sandbox, plugin pages and the admin API are
    /// not part of the contract internal services code against), with the bearer API key scheme.
    /// </summary>
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(GatewayOpenApi.DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Payment gateway API",
                    Version = "v1",
                    Description = "One API for WeChat Pay and PaysAPI payments. Amounts are integers in fen. Errors are RFC 7807 problems with a stable `code`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The client's API key: `Authorization: Bearer <api key>`.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddDocumentTransformer<ContractDocumentTransformer>();
        });
        return services;
    }
}
