using Microsoft.Extensions.Configuration;

namespace Gateway.Abstractions.Plugins;

/// <summary>
/// What the host hands a plugin for one provider instance. <see cref="Services"/> is the plugin's own
/// service provider; besides the plugin's registrations it resolves the host services the contract
/// offers: <c>IHttpClientFactory</c>, <see cref="Hosting.IGatewayCache"/>, <see cref="TimeProvider"/>,
/// <c>ILoggerFactory</c>/<c>ILogger&lt;T&gt;</c>, <see cref="Hosting.IPaymentDirectory"/> and
/// <see cref="Hosting.GatewayActivitySource"/>; since contract 1.1 also <see cref="ProductCodes.IProductCodePayments"/>.
/// </summary>
public sealed class ProviderInstanceContext
{
    /// <summary>The instance name from configuration; also the <c>{instance}</c> in its routes.</summary>
    public required string InstanceName { get; init; }

    /// <summary>The instance's <c>Settings</c> section.</summary>
    public required IConfiguration Settings { get; init; }

    /// <summary>The plugin's service provider.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>Absolute URL the provider must call for payment notifies (<c>/notify/{instance}</c>).</summary>
    public required Uri NotifyUrl { get; init; }

    /// <summary>Absolute URL for refund notifies (<c>/notify/{instance}/refund</c>).</summary>
    public required Uri RefundNotifyUrl { get; init; }

    /// <summary>Absolute base URL of the instance's own routes (<c>/p/{instance}/</c>), ending in a slash.</summary>
    public required Uri PluginBaseUrl { get; init; }

    /// <summary>
    /// Name of the host-configured <see cref="HttpClient"/> for this instance (timeouts, tracing, and the
    /// per-instance bulkhead). Create it with <c>IHttpClientFactory.CreateClient(HttpClientName)</c>.
    /// </summary>
    public required string HttpClientName { get; init; }
}
