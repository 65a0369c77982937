using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.MiniProgram.Login;
using Gateway.WeChatPay.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.MiniProgram;

/// <summary>
/// WeChat Pay v2 inside a mini program: login (<c>wx.login</c> code → openid) under <c>/p/{instance}/login</c>
/// and JSAPI-type orders paid with <c>wx.requestPayment</c>. One instance per mini program + merchant account.
/// </summary>
public sealed class MiniProgramPlugin : IGatewayPlugin
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "MiniProgram";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.miniprogram";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(
        PluginName,
        typeof(MiniProgramPlugin).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        [Channel]);

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Everything the instances need (HTTP, cache, time, logging) comes from the host's offer.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        MiniProgramSettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = MiniProgramSettings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values, so they are safe to surface.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var services = context.Services;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(context.HttpClientName);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var cache = services.GetRequiredService<IGatewayCache>();
        var logger = loggers.CreateLogger<MiniProgramInstance>();

        var api = new WeChatOpenApiClient(http, settings.App.ApiBaseUrl);
        var login = new LoginEndpoint(settings.App, api, new MiniProgramSessions(cache, context.InstanceName, settings.SessionLifetime), logger, context.InstanceName);
        return new MiniProgramInstance(context, settings, http, time, logger, login);
    }
}
