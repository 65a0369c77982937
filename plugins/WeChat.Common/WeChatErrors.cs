using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>Turns WeChat failures into <see cref="ProviderError"/>s that keep WeChat's own code.</summary>
internal static class WeChatErrors
{
    // Words WeChat uses in return_msg when the fault is on its side ("系统繁忙" = system busy, …).
    private static readonly string[] TransientHints = ["SYSTEMERROR", "系统繁忙", "系统错误", "系统超时", "busy", "timeout"];

    /// <summary>A reply that is not SUCCESS/SUCCESS.</summary>
    public static ProviderError From(WeChatPayResponse reply)
    {
        if (reply.ReturnCode != WeChatPayCodes.Success)
        {
            // return_code FAIL is a protocol-level refusal (bad sign, bad XML, …); only "system busy"-like
            // messages are worth retrying.
            var message = reply.ReturnMsg ?? "return_code FAIL";
            var transient = TransientHints.Any(h => message.Contains(h, StringComparison.OrdinalIgnoreCase));
            return new ProviderError(transient ? ProviderErrorKind.Transient : ProviderErrorKind.Rejected, reply.ErrCode ?? WeChatPayCodes.Fail, message);
        }

        var code = reply.ErrCode ?? WeChatPayCodes.Fail;
        return new ProviderError(KindOf(code), code, reply.ErrCodeDes ?? reply.ReturnMsg ?? code);
    }

    /// <summary>A reply that could not be trusted or read; never believed, but worth retrying.</summary>
    public static ProviderError From(WeChatPayReplyException exception)
        => new(ProviderErrorKind.Transient, exception.Code, exception.Message);

    // SYSTEMERROR: "retry with the same params" (B8). FREQUENCY_LIMITED: retrying later helps too.
    // Every other err_code (ORDERPAID, ORDERCLOSED, OUT_TRADE_NO_USED, SIGNERROR, …) is a business answer.
    private static ProviderErrorKind KindOf(string code) => code switch
    {
        "SYSTEMERROR" or "FREQUENCY_LIMITED" => ProviderErrorKind.Transient,
        _ => ProviderErrorKind.Rejected,
    };
}
