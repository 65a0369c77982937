using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

public sealed partial class WeChatOpenApiClient
{
    /// <summary>
    /// <para>[GET] /sns/jscode2session: a mini program's <c>wx.login</c> code → openid and session_key.</para>
    /// <para>REF: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html</para>
    /// </summary>
    public Task<Code2SessionResponse> Code2SessionAsync(string appId, string appSecret, string jsCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(appSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(jsCode);
        return GetAsync<Code2SessionResponse>("/sns/jscode2session",
            [new("appid", appId), new("secret", appSecret), new("js_code", jsCode), new("grant_type", "authorization_code")], cancellationToken);
    }
}
