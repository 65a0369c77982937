using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.WeChatNative;

/// <summary>
/// WeChat Pay v2 Native. Mode 2: the merchant places the order, WeChat returns a
/// <c>code_url</c> the payer scans. Mode 1: long-lived signed product links whose scan callback places the order. One instance per merchant account.
/// </summary>
public sealed class WeChatNativePlugin : IGatewayPlugin
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "WeChatNative";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.native";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(
        PluginName,
        typeof(WeChatNativePlugin).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        [Channel]);

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
        WeChatPaySettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var options = WeChatPaySettings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values, so they are safe to surface.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var services = context.Services;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(context.HttpClientName);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new WeChatNativeInstance(context, options, http, time, loggers.CreateLogger<WeChatNativeInstance>());
    }
}
