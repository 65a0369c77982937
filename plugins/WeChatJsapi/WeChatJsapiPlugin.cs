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

namespace Gateway.Plugins.WeChatJsapi;

/// <summary>
/// WeChat Pay v2 JSAPI: pages opened inside WeChat pay with <c>getBrandWCPayRequest</c>. The instance also
/// serves OAuth2 web authorization (the payer's openid) and the JS-SDK <c>wx.config</c> signature under
/// <c>/p/{instance}/</c>. One instance per official account + merchant account.
/// </summary>
internal sealed class WeChatJsapiPlugin() : WeChatPayPlugin<WeChatJsapiSettings>(PluginName, Channel)
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "WeChatJsapi";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.jsapi";

    protected override WeChatJsapiSettings Bind(IConfiguration settings, ICollection<string> errors) => WeChatJsapiSettings.Bind(settings, errors);

    protected override IProviderInstance Create(ProviderInstanceContext context, WeChatJsapiSettings settings, WeChatInstanceServices host)
    {
        var (http, time) = (host.Http, host.Time);
        var cache = context.Services.GetRequiredService<IGatewayCache>();
        var logger = host.Loggers.CreateLogger<WeChatJsapiInstance>();
        var app = settings.App;
        var api = new WeChatOpenApiClient(http, app.ApiBaseUrl);
        var tokenCache = new SharedTokenCache(cache, logger);
        var tickets = new JsapiTicketSource(api, app, new BaseAccessTokenSource(api, app, tokenCache), tokenCache);
        var oauth = new OAuthEndpoints(
            app, settings.OAuthAuthorizeUrl, new Uri(context.PluginBaseUrl, "oauth/callback"), new ReturnUrls(settings.AllowedReturnOrigins),
            new OAuthStates(cache, context.InstanceName), new WebAuthorizations(cache, api, app, time, context.InstanceName), api,
            new OpenIdHandOff(settings.HandOffSecret, time), logger, context.InstanceName);
        var jsSdk = new JsSdkConfigEndpoint(app, tickets, time, logger, context.InstanceName);
        return new WeChatJsapiInstance(context, settings, http, time, logger, oauth, jsSdk);
    }
}
