using Microsoft.Extensions.Primitives;

namespace Gateway.Checkout;

/// <summary>The page's words in zh-CN and en, picked by Accept-Language (Chinese first wins, English otherwise).</summary>
internal sealed record CheckoutText(string Lang, string Amount, string ExpiresIn, string ScanWeChat, string ScanAlipay, string OpenInWeChat,
    string PayNow, string MiniProgram, string Continue, string Redirecting, string Paid, string Received, string Expired, string Closed,
    string Failed, string Back, string SandboxPay, string Cancelled, string Choose, string OtherWays, string Retry,
    IReadOnlyDictionary<string, string> Channels)
{
    public static readonly CheckoutText En = new("en", "Amount", "Expires in", "Scan with WeChat to pay", "Scan with Alipay to pay",
        "Open this page in WeChat to pay", "Pay with WeChat", "Pay in the merchant's Mini Program", "Continue to pay",
        "Paid. Returning to the merchant…", "Payment received", "Payment received; the merchant is checking it", "This payment has expired",
        "This payment was closed", "This payment failed", "Back to the merchant", "Pay in the sandbox (test mode)", "Payment cancelled; you can try again",
        "Choose how to pay", "Pay another way", "That way to pay is not available right now; try again or choose another",
        new Dictionary<string, string>
        {
            ["wechat.jsapi"] = "WeChat Pay", ["wechat.h5"] = "WeChat Pay", ["wechat.native"] = "WeChat Pay (scan a QR code)",
            ["paysapi.wechat"] = "WeChat (personal QR code)", ["paysapi.alipay"] = "Alipay",
        });

    public static readonly CheckoutText Zh = new("zh-CN", "金额", "剩余时间", "请使用微信扫一扫支付", "请使用支付宝扫一扫支付",
        "请在微信中打开本页面支付", "微信支付", "请在商户小程序中支付", "继续支付",
        "支付成功，正在返回商户…", "支付成功", "已收到付款，商户正在核对", "订单已过期",
        "订单已关闭", "支付失败", "返回商户", "在沙箱中支付（测试模式）", "已取消支付，可重新发起",
        "请选择支付方式", "换一种方式支付", "该支付方式暂时不可用，请重试或选择其他方式",
        new Dictionary<string, string>
        {
            ["wechat.jsapi"] = "微信支付", ["wechat.h5"] = "微信支付", ["wechat.native"] = "微信扫码支付",
            ["paysapi.wechat"] = "微信（个人收款码）", ["paysapi.alipay"] = "支付宝",
        });

    public static CheckoutText For(StringValues acceptLanguage)
    {
        var header = acceptLanguage.ToString();
        var zh = header.IndexOf("zh", StringComparison.OrdinalIgnoreCase);
        var en = header.IndexOf("en", StringComparison.OrdinalIgnoreCase);
        return zh >= 0 && (en < 0 || zh < en) ? Zh : En;
    }
}
