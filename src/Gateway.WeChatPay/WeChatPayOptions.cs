using Gateway.WeChatPay.Signing;

namespace Gateway.WeChatPay;

/// <summary>
/// One v2 merchant account. A class rather than a record on purpose: a record's generated
/// <c>ToString</c> would print <see cref="ApiKey"/> into any log line that formats the options.
/// </summary>
public sealed class WeChatPayOptions
{
    /// <summary>The production API host.</summary>
    public const string DefaultBaseUrl = "https://api.mch.weixin.qq.com";

    /// <summary>The v2 API key is exactly this long (set in the merchant platform).</summary>
    public const int ApiKeyLength = 32;

    /// <summary>The app id (<c>appid</c>) the merchant is bound to.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The merchant id (<c>mch_id</c>).</summary>
    public string MchId { get; set; } = "";

    /// <summary>The v2 API key; signs requests and verifies replies and notifies. Never log it.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The algorithm for requests (<c>sign_type</c>); MD5 by default.</summary>
    public WeChatSignType SignType { get; set; } = WeChatSignType.Md5;

    /// <summary>The API host, optionally with a path prefix (e.g. a sandbox's <c>/sandboxnew</c>).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Adds one message per invalid setting, each naming the key. Messages never contain the key's value.</summary>
    public void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(AppId))
        {
            errors.Add("AppId is required.");
        }

        if (string.IsNullOrWhiteSpace(MchId))
        {
            errors.Add("MchId is required.");
        }

        if (string.IsNullOrEmpty(ApiKey))
        {
            errors.Add("ApiKey is required.");
        }
        else if (ApiKey.Length != ApiKeyLength)
        {
            errors.Add($"ApiKey must be exactly {ApiKeyLength} characters.");
        }

        if (!Enum.IsDefined(SignType))
        {
            errors.Add($"SignType must be {WeChatSignTypes.Md5} or {WeChatSignTypes.HmacSha256}.");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("BaseUrl must be an absolute http(s) URL.");
        }
    }
}
