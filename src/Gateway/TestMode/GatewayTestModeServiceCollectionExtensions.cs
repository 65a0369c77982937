using Gateway.TestMode;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers test mode: the profile under the application's configuration, the sandbox, and the banner.</summary>
public static class GatewayTestModeServiceCollectionExtensions
{
    /// <summary>Adds the test-mode profile, the provider sandbox, the start-up banner and the <c>test-mode</c> readiness entry.</summary>
    public static IServiceCollection AddGatewayTestMode(this IServiceCollection services, IConfigurationManager configuration)
    {
        TestModeProfile.Apply(configuration, configuration);
        services.AddGatewaySandbox(configuration.GetSection("Sandbox"));
        services.AddSingleton<TestModeBanner>();
        services.AddHostedService(sp => sp.GetRequiredService<TestModeBanner>());
        services.AddHealthChecks().AddCheck<TestModeBanner>("test-mode", tags: [Gateway.Health.GatewayHealthTags.Ready]);
        return services;
    }
}
