using System.Security.Cryptography;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// The H5 (MWEB) payment page WeChat answers with: <c>https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=…&amp;package=…</c>
/// (the official H5 page's example; valid 5 minutes). The sandbox does not serve that page: pay the prepay_id
/// through <c>/sandbox/wechatpay/pay</c> instead.
/// </summary>
internal static class MwebUrl
{
    public static string For(string prepayId) =>
        "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepayId + "&package=" + RandomNumberGenerator.GetInt32(1_000_000_000);
}
