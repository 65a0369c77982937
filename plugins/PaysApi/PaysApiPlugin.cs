using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.PaysApi;

/// <summary>
/// PaysAPI (paysapi.com), a personal-QR aggregator for Alipay (<c>istype=1</c>) and WeChat Pay
/// (<c>istype=2</c>). One instance per PaysAPI account (<c>uid</c> + <c>token</c>). Depending on the
/// instance's <c>StartMode</c>, a payment starts either as a signed form the payer's browser posts to
/// PaysAPI (served by the gateway at <c>/p/{instance}/pay/{paymentId}</c>), or as a QR code the gateway
/// fetches from PaysAPI's JSON mode. REF: docs/protocols.md §E.
/// </summary>
public sealed class PaysApiPlugin : IGatewayPlugin
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "PaysApi";

    /// <summary>Alipay through PaysAPI (<c>istype=1</c>).</summary>
    public const string AlipayChannel = "paysapi.alipay";

    /// <summary>WeChat Pay through PaysAPI (<c>istype=2</c>).</summary>
    public const string WeChatChannel = "paysapi.wechat";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(
        PluginName,
        typeof(PaysApiPlugin).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        [AlipayChannel, WeChatChannel]);

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Everything the instances need (HTTP, time, logging, the payment directory) comes from the host's offer.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        PaysApiSettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var options = PaysApiSettings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values, so they are safe to surface.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var services = context.Services;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(context.HttpClientName);
        var payments = services.GetRequiredService<IPaymentDirectory>();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new PaysApiInstance(context, options, http, payments, loggers.CreateLogger<PaysApiInstance>());
    }
}
