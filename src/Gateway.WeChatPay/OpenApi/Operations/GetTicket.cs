using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

public sealed partial class WeChatOpenApiClient
{
    /// <summary>
    /// <para>[GET] /cgi-bin/ticket/getticket?type=jsapi: the jsapi_ticket (7200 s) for wx.config signatures; its
    /// quota is "very limited", so it is cached globally.</para>
    /// <para>REF: https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html (appendix 1)</para>
    /// </summary>
    public Task<JsapiTicketResponse> GetJsapiTicketAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return GetAsync<JsapiTicketResponse>("/cgi-bin/ticket/getticket",
            [new("access_token", accessToken), new("type", "jsapi")], cancellationToken);
    }
}
