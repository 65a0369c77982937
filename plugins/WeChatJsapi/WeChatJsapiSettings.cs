using Gateway.Plugins.WeChat.Common;
using Gateway.WeChatPay;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChatJsapi;

/// <summary>
/// An instance's settings: the WeChat Pay account (<c>AppId</c>, <c>MchId</c>, <c>ApiKey</c>, <c>SignType</c>,
/// <c>BaseUrl</c>), the official account (<c>AppSecret</c>, <c>ApiBaseUrl</c>), the OAuth2 authorize page
/// (<c>OAuthAuthorizeUrl</c>) and the origins a login may return to (<c>AllowedReturnOrigins:0…</c>; relative
/// paths are always allowed).
/// </summary>
internal sealed class WeChatJsapiSettings
{
    /// <summary>WeChat's OAuth2 authorize page.</summary>
    public const string DefaultOAuthAuthorizeUrl = "https://open.weixin.qq.com/connect/oauth2/authorize";

    private WeChatJsapiSettings(WeChatPayOptions pay, WeChatAppSettings app, string oauthAuthorizeUrl, IReadOnlyList<string> allowedReturnOrigins)
    {
        Pay = pay;
        App = app;
        OAuthAuthorizeUrl = oauthAuthorizeUrl;
        AllowedReturnOrigins = allowedReturnOrigins;
    }

    public WeChatPayOptions Pay { get; }

    public WeChatAppSettings App { get; }

    public string OAuthAuthorizeUrl { get; }

    /// <summary>Origins (<c>scheme://host[:port]</c>) an OAuth login may hand the openid back to.</summary>
    public IReadOnlyList<string> AllowedReturnOrigins { get; }

    public static WeChatJsapiSettings Bind(IConfiguration settings, ICollection<string> errors)
    {
        var pay = WeChatPaySettings.Bind(settings, errors);
        var app = WeChatAppSettings.Bind(settings, errors);
        var authorize = string.IsNullOrWhiteSpace(settings["OAuthAuthorizeUrl"]) ? DefaultOAuthAuthorizeUrl : settings["OAuthAuthorizeUrl"]!.Trim();
        if (!WeChatAppSettings.IsHttpUrl(authorize))
        {
            errors.Add("OAuthAuthorizeUrl must be an absolute http(s) URL.");
        }

        var origins = new List<string>();
        foreach (var child in settings.GetSection("AllowedReturnOrigins").GetChildren())
        {
            if (Uri.TryCreate(child.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query))
            {
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
            }
            else
            {
                errors.Add($"AllowedReturnOrigins:{child.Key} must be an origin such as https://shop.example.com.");
            }
        }

        return new WeChatJsapiSettings(pay, app, authorize, origins);
    }
}
