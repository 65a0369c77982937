using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// Reads the WeChat Pay account of an instance's <c>Settings</c> section by hand: the binder cannot turn <c>HMAC-SHA256</c> into an
/// enum and would throw, while validation must report, not throw.
/// </summary>
internal static class WeChatPaySettings
{
    public static WeChatPayOptions Bind(IConfiguration settings, ICollection<string> errors)
    {
        var options = new WeChatPayOptions
        {
            AppId = settings["AppId"]?.Trim() ?? "",
            MchId = settings["MchId"]?.Trim() ?? "",
            ApiKey = settings["ApiKey"] ?? "",
        };

        var signType = settings["SignType"];
        if (string.IsNullOrWhiteSpace(signType))
        {
            options.SignType = WeChatSignType.Md5;
        }
        else if (WeChatSignTypes.TryParse(signType.Trim(), out var parsed))
        {
            options.SignType = parsed;
        }
        else
        {
            errors.Add($"SignType must be {WeChatSignTypes.Md5} or {WeChatSignTypes.HmacSha256}.");
        }

        var baseUrl = settings["BaseUrl"];
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseUrl = baseUrl.Trim();
        }

        options.Validate(errors);
        return options;
    }
}
