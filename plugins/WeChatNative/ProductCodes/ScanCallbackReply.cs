using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChatNative.ProductCodes;

/// <summary>
/// The merchant's answer to a scan callback (B10): return_code, return_msg, appid, mch_id, nonce_str, prepay_id,
/// result_code, err_code_des, sign. WeChat shows err_code_des to the payer when result_code is FAIL.
/// </summary>
internal static class ScanCallbackReply
{
    /// <summary>An unsigned protocol failure, for a callback that could not be trusted (nothing to sign for).</summary>
    public static string Untrusted(string reason) => WeChatXml.Write(
    [
        new("return_code", WeChatPayCodes.Fail),
        new("return_msg", reason),
    ]);

    /// <summary>A signed reply carrying the placed order's prepay_id.</summary>
    public static string Placed(WeChatPayOptions options, string prepayId, string nonce)
        => Signed(options, nonce, WeChatPayCodes.Success, prepayId, null);

    /// <summary>A signed business refusal, with the text the payer sees.</summary>
    public static string Refused(WeChatPayOptions options, string errCodeDes, string nonce)
        => Signed(options, nonce, WeChatPayCodes.Fail, null, errCodeDes);

    private static string Signed(WeChatPayOptions options, string nonce, string resultCode, string? prepayId, string? errCodeDes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["return_code"] = WeChatPayCodes.Success,
            ["return_msg"] = "OK",
            ["appid"] = options.AppId,
            ["mch_id"] = options.MchId,
            ["nonce_str"] = nonce,
            ["prepay_id"] = prepayId ?? "",
            ["result_code"] = resultCode,
            ["err_code_des"] = errCodeDes ?? "",
        };
        fields[WeChatSigner.SignField] = WeChatSigner.Sign(fields, options.ApiKey, options.SignType);
        return WeChatXml.Write(fields);
    }
}
