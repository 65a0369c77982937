using System.Text.Json.Serialization;

namespace Gateway.WeChatPay.OpenApi.Models;

/// <summary>
/// The common part of every api.weixin.qq.com JSON reply: <c>errcode</c> 0 (or absent) on success, WeChat's
/// code and message otherwise. Classes, not records, so no generated <c>ToString</c> prints a token.
/// </summary>
public class WeChatApiResponse
{
    /// <summary><c>errcode</c>: 0 on success, e.g. 40029 invalid code, 45011 rate limit, -1 busy.</summary>
    [JsonPropertyName("errcode")]
    public int ErrCode { get; set; }

    /// <summary><c>errmsg</c>: WeChat's description of <see cref="ErrCode"/>.</summary>
    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; set; }

    /// <summary>True when <see cref="ErrCode"/> is 0.</summary>
    [JsonIgnore]
    public bool IsSuccess => ErrCode == 0;
}
