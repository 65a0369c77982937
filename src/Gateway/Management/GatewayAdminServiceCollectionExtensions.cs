using Gateway.Management;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the admin API's credentials and policy.</summary>
public static class GatewayAdminServiceCollectionExtensions
{
    /// <summary>Adds the <c>AdminKey</c> scheme (from <c>Gateway:Admin:ApiKeySha256</c>) and the admin policy.</summary>
    public static IServiceCollection AddGatewayAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName))
            .Validate(o => string.IsNullOrEmpty(o.ApiKeySha256) || (o.ApiKeySha256.Length == 64 && o.ApiKeySha256.All(Uri.IsHexDigit)),
                "Gateway:Admin:ApiKeySha256 must be the hex SHA-256 of the admin key (64 characters).")
            .ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicies.Admin, policy => policy
            .AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName)
            .RequireClaim(AdminKeyAuthenticationHandler.RoleClaim, AdminKeyAuthenticationHandler.AdminRole));
        return services;
    }
}
