using Gateway.Plugins.WeChat.Common;
using Gateway.WeChatPay;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChatJsapi;

/// <summary>
/// An instance's settings: the WeChat Pay account (<c>AppId</c>, <c>MchId</c>, <c>ApiKey</c>, <c>SignType</c>,
/// <c>BaseUrl</c>), the official account (<c>AppSecret</c>, <c>ApiBaseUrl</c>), the OAuth2 authorize page
/// (<c>OAuthAuthorizeUrl</c>), the origins a login may return to (<c>AllowedReturnOrigins:0…</c>; relative
/// paths are always allowed) and <c>HandOffSecret</c> (32+ characters, shared with the merchant) that signs the
/// openid handed back.
/// </summary>
internal sealed class WeChatJsapiSettings
{
    /// <summary>WeChat's OAuth2 authorize page.</summary>
    public const string DefaultOAuthAuthorizeUrl = "https://open.weixin.qq.com/connect/oauth2/authorize";

    private WeChatJsapiSettings(WeChatPayOptions pay, WeChatAppSettings app, string oauthAuthorizeUrl, IReadOnlyList<string> allowedReturnOrigins, string handOffSecret)
    {
        HandOffSecret = handOffSecret;
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

    /// <summary>Signs the OAuth hand-off (openid + expiry) so the merchant can authenticate it.</summary>
    public string HandOffSecret { get; }

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

        var handOffSecret = settings["HandOffSecret"] ?? "";
        if (handOffSecret.Length < 32)
        {
            errors.Add("HandOffSecret is required: at least 32 characters, shared with the merchant to verify the OAuth hand-off.");
        }

        return new WeChatJsapiSettings(pay, app, authorize, origins, handOffSecret);
    }
}
