using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.Plugins.WeChatJsapi.JsSdk;
using Gateway.Plugins.WeChatJsapi.OAuth;
using Gateway.WeChatPay.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.WeChatJsapi;

/// <summary>
/// WeChat Pay v2 JSAPI: pages opened inside WeChat pay with <c>getBrandWCPayRequest</c>. The instance also
/// serves OAuth2 web authorization (the payer's openid) and the JS-SDK <c>wx.config</c> signature under
/// <c>/p/{instance}/</c>. One instance per official account + merchant account.
/// </summary>
public sealed class WeChatJsapiPlugin : IGatewayPlugin
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "WeChatJsapi";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.jsapi";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(
        PluginName,
        typeof(WeChatJsapiPlugin).Assembly.GetName().Version?.ToString() ?? "0.0.0",
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
        WeChatJsapiSettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = WeChatJsapiSettings.Bind(context.Settings, errors);
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
        var logger = loggers.CreateLogger<WeChatJsapiInstance>();

        var app = settings.App;
        var api = new WeChatOpenApiClient(http, app.ApiBaseUrl);
        var tokenCache = new SharedTokenCache(cache, logger);
        var tickets = new JsapiTicketSource(api, app, new BaseAccessTokenSource(api, app, tokenCache), tokenCache);
        var oauth = new OAuthEndpoints(
            app, settings.OAuthAuthorizeUrl, new Uri(context.PluginBaseUrl, "oauth/callback"), new ReturnUrls(settings.AllowedReturnOrigins),
            new OAuthStates(cache, context.InstanceName), new WebAuthorizations(cache, api, app, time, context.InstanceName), api, logger, context.InstanceName);
        var jsSdk = new JsSdkConfigEndpoint(app, tickets, time, logger, context.InstanceName);
        return new WeChatJsapiInstance(context, settings, http, time, logger, oauth, jsSdk);
    }
}
