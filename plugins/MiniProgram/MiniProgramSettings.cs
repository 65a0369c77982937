using Gateway.Plugins.WeChat.Common;
using Gateway.WeChatPay;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.MiniProgram;

/// <summary>
/// An instance's settings: the WeChat Pay account (<c>AppId</c> = the mini program's app id, <c>MchId</c>,
/// <c>ApiKey</c>, <c>SignType</c>, <c>BaseUrl</c>), the mini program (<c>AppSecret</c>, <c>ApiBaseUrl</c>) and how
/// long a login session lasts (<c>SessionLifetime</c>, default 1 day).
/// </summary>
internal sealed class MiniProgramSettings
{
    private MiniProgramSettings(WeChatPayOptions pay, WeChatAppSettings app, TimeSpan sessionLifetime)
    {
        Pay = pay;
        App = app;
        SessionLifetime = sessionLifetime;
    }

    public WeChatPayOptions Pay { get; }

    public WeChatAppSettings App { get; }

    public TimeSpan SessionLifetime { get; }

    public static MiniProgramSettings Bind(IConfiguration settings, ICollection<string> errors)
    {
        var pay = WeChatPaySettings.Bind(settings, errors);
        var app = WeChatAppSettings.Bind(settings, errors);
        var lifetime = TimeSpan.FromDays(1);
        var configured = settings["SessionLifetime"];
        if (!string.IsNullOrWhiteSpace(configured)
            && (!TimeSpan.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out lifetime) || lifetime <= TimeSpan.Zero))
        {
            errors.Add("SessionLifetime must be a positive time span such as 1.00:00:00.");
        }

        return new MiniProgramSettings(pay, app, lifetime);
    }
}
