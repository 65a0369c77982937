using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

public sealed partial class WeChatOpenApiClient
{
    /// <summary>
    /// <para>[GET] /cgi-bin/token: the base access_token (7200 s). Each call invalidates the previous token after a
    /// short overlap and counts against a daily quota, so callers cache it centrally and refresh it once.</para>
    /// <para>REF: https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html</para>
    /// </summary>
    public Task<AccessTokenResponse> GetAccessTokenAsync(string appId, string appSecret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(appSecret);
        return GetAsync<AccessTokenResponse>("/cgi-bin/token",
            [new("grant_type", "client_credential"), new("appid", appId), new("secret", appSecret)], cancellationToken);
    }
}
