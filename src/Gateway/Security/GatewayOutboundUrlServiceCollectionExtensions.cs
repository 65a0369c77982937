using Gateway.Security;
using Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the outbound URL policy and the webhook client that obeys it.</summary>
public static class GatewayOutboundUrlServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>Gateway:OutboundUrls</c>, the system resolver (replace <see cref="IOutboundAddressResolver"/>
    /// to test), and the webhook HttpClient whose connections go through the policy and which never follows redirects.
    /// </summary>
    public static IServiceCollection AddGatewayOutboundUrlPolicy(this IServiceCollection services, IConfiguration gatewaySection)
    {
        services.Configure<OutboundUrlOptions>(gatewaySection.GetSection("OutboundUrls"));
        services.TryAddSingleton<IOutboundAddressResolver, DnsOutboundAddressResolver>();
        services.TryAddSingleton<OutboundUrlPolicy>();
        services.TryAddSingleton<ClientWebhookUrls>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundUrlPolicy>().CreateHandler());
        return services;
    }
}
