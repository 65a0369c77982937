using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>
/// WeChat Pay APIv3: one merchant account per instance, serving every WeChat channel on the current API (Native QR,
/// JSAPI, Mini Program, H5). The instance's <c>AppId</c> is the app the orders are placed under, so a mini program
/// gets an instance of its own (its appid), as in the merchant platform.
/// </summary>
internal sealed class WeChatPayV3Plugin : IGatewayPlugin
{
    public const string PluginName = "WeChatPayV3";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(PluginName, typeof(WeChatPayV3Plugin).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        [Channels.Native, Channels.Jsapi, Channels.MiniProgram, Channels.H5]);

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Everything the instances need (HTTP, time, logging) comes from the host's offer.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        WeChatPayV3Settings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = WeChatPayV3Settings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var services = context.Services;
        return new WeChatPayV3Instance(
            context,
            settings,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(context.HttpClientName),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<WeChatPayV3Instance>());
    }
}

/// <summary>The channels this plugin serves.</summary>
internal static class Channels
{
    public const string Native = "wechat.native";
    public const string Jsapi = "wechat.jsapi";
    public const string MiniProgram = "wechat.miniprogram";
    public const string H5 = "wechat.h5";
}
