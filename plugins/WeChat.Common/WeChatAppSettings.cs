using Gateway.WeChatPay.OpenApi;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// The app side of an in-app instance (official account or mini program): <c>AppSecret</c> and the API host
/// (<c>ApiBaseUrl</c>, default https://api.weixin.qq.com). A class, not a record, so the secret never reaches a
/// generated <c>ToString</c>.
/// </summary>
internal sealed class WeChatAppSettings
{
    /// <summary>The app id (the same <c>AppId</c> key the pay account uses).</summary>
    public string AppId { get; private init; } = "";

    /// <summary>The app secret: only ever sent to WeChat, never logged or returned.</summary>
    public string AppSecret { get; private init; } = "";

    /// <summary>The api.weixin.qq.com base URL (a sandbox in test mode).</summary>
    public string ApiBaseUrl { get; private init; } = WeChatOpenApiClient.DefaultBaseUrl;

    /// <summary>Reads and checks the keys, adding one message per problem (never a value).</summary>
    public static WeChatAppSettings Bind(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        var app = new WeChatAppSettings
        {
            AppId = settings["AppId"]?.Trim() ?? "",
            AppSecret = settings["AppSecret"]?.Trim() ?? "",
            ApiBaseUrl = string.IsNullOrWhiteSpace(settings["ApiBaseUrl"]) ? WeChatOpenApiClient.DefaultBaseUrl : settings["ApiBaseUrl"]!.Trim(),
        };

        if (app.AppSecret.Length == 0)
        {
            errors.Add("AppSecret is required.");
        }

        if (!IsHttpUrl(app.ApiBaseUrl))
        {
            errors.Add("ApiBaseUrl must be an absolute http(s) URL.");
        }

        return app;
    }

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
