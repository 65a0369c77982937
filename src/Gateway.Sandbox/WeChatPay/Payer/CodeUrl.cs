using Gateway.Sandbox.WeChatPay.Protocol;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>The kinds of WeChat Native QR content a payer can scan.</summary>
internal enum CodeUrlKind
{
    /// <summary>Not a WeChat Pay QR code at all.</summary>
    Invalid,

    /// <summary>Mode 2, <c>weixin://wxpay/bizpayurl?pr=…</c>: issued by unifiedorder, names one order.</summary>
    OrderCode,

    /// <summary>
    /// Mode 1, <c>weixin://wxpay/bizpayurl?sign=…&amp;product_id=…</c>: a product QR that makes WeChat call the
    /// merchant's payment callback, which then places the order (docs/protocols.md §B10).
    /// </summary>
    ProductCode,
}

/// <summary>Classifies scanned QR content.</summary>
internal static class CodeUrl
{
    private const string BizPayUrl = "weixin://wxpay/bizpayurl?";

    public static CodeUrlKind Classify(string? codeUrl)
    {
        if (codeUrl is null || !codeUrl.StartsWith(BizPayUrl, StringComparison.Ordinal))
        {
            return CodeUrlKind.Invalid;
        }

        if (codeUrl.StartsWith(SandboxIds.CodeUrlPrefix, StringComparison.Ordinal))
        {
            return CodeUrlKind.OrderCode;
        }

        var query = QueryHelpers.ParseQuery(codeUrl[(BizPayUrl.Length - 1)..]);
        return query.ContainsKey("sign") && query.ContainsKey("product_id") ? CodeUrlKind.ProductCode : CodeUrlKind.Invalid;
    }
}
