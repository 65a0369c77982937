using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.MiniProgram.Login;
using Gateway.WeChatPay.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.MiniProgram;

/// <summary>
/// WeChat Pay v2 inside a mini program: login (<c>wx.login</c> code → openid) under <c>/p/{instance}/login</c>
/// and JSAPI-type orders paid with <c>wx.requestPayment</c>. One instance per mini program + merchant account.
/// </summary>
internal sealed class MiniProgramPlugin() : WeChatPayPlugin<MiniProgramSettings>(PluginName, Channel)
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "MiniProgram";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.miniprogram";

    protected override MiniProgramSettings Bind(IConfiguration settings, ICollection<string> errors) => MiniProgramSettings.Bind(settings, errors);

    protected override IProviderInstance Create(ProviderInstanceContext context, MiniProgramSettings settings, WeChatInstanceServices host)
    {
        var (http, time) = (host.Http, host.Time);
        var cache = context.Services.GetRequiredService<IGatewayCache>();
        var logger = host.Loggers.CreateLogger<MiniProgramInstance>();
        var api = new WeChatOpenApiClient(http, settings.App.ApiBaseUrl);
        var sessions = new MiniProgramSessions(cache, context.InstanceName, settings.SessionLifetime);
        var login = new LoginEndpoint(settings.App, api, sessions, logger, context.InstanceName);
        return new MiniProgramInstance(context, settings, http, time, logger, login, sessions);
    }
}
