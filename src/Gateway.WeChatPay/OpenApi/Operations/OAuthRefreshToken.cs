using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

public sealed partial class WeChatOpenApiClient
{
    /// <summary>
    /// <para>[GET] /sns/oauth2/refresh_token: a new web access_token from the refresh_token (valid 30 days).</para>
    /// <para>REF: https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html</para>
    /// </summary>
    public Task<OAuthAccessTokenResponse> RefreshOAuthAccessTokenAsync(string appId, string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return GetAsync<OAuthAccessTokenResponse>("/sns/oauth2/refresh_token",
            [new("appid", appId), new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);
    }
}
