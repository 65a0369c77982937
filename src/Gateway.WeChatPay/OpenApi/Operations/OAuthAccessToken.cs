using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

public sealed partial class WeChatOpenApiClient
{
    /// <summary>
    /// <para>[GET] /sns/oauth2/access_token: exchanges an OAuth2 <c>code</c> (single use, 5 min) for the openid and the web tokens.</para>
    /// <para>REF: https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html</para>
    /// </summary>
    public Task<OAuthAccessTokenResponse> GetOAuthAccessTokenAsync(string appId, string appSecret, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(appSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return GetAsync<OAuthAccessTokenResponse>("/sns/oauth2/access_token",
            [new("appid", appId), new("secret", appSecret), new("code", code), new("grant_type", "authorization_code")], cancellationToken);
    }
}
