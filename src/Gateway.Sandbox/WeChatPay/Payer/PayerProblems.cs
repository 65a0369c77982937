using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>The payer API's refusals: RFC 7807 problems with a stable <c>code</c> extension.</summary>
internal static class PayerProblems
{
    public static IResult InvalidRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "invalid_request", detail);

    public static IResult InvalidCodeUrl() => Problem(StatusCodes.Status400BadRequest, "invalid_code_url",
        "Not a WeChat Pay code: expected weixin://wxpay/bizpayurl?pr=… from unifiedorder.");

    public static IResult InvalidCodeUrlSignature() => Problem(StatusCodes.Status400BadRequest, "invalid_code_url_signature",
        "The product link's sign does not verify with the merchant's key (or names no sandbox merchant).");

    public static IResult NoScanCallback() => Problem(StatusCodes.Status409Conflict, "no_scan_callback",
        "The merchant has no ScanCallbackUrl configured for product codes.");

    public static IResult ScanCallbackFailed(string detail) => Problem(StatusCodes.Status502BadGateway, "scan_callback_failed", detail);

    public static IResult MerchantRefused(string? errCodeDes) => Problem(StatusCodes.Status409Conflict, "merchant_refused",
        $"The merchant answered the scan with result_code FAIL: {errCodeDes}");

    public static IResult UnknownCodeUrl() => Problem(StatusCodes.Status404NotFound, "unknown_code_url",
        "The sandbox issued no order with this code_url.");

    public static IResult UnknownPrepayId() => Problem(StatusCodes.Status404NotFound, "unknown_prepay_id",
        "The sandbox issued no order with this prepay_id.");

    public static IResult UnknownOrder() => Problem(StatusCodes.Status404NotFound, "order_not_found",
        "The sandbox has no order with this out_trade_no.");

    public static IResult AmbiguousOrder() => Problem(StatusCodes.Status409Conflict, "ambiguous_out_trade_no",
        "Several merchants have an order with this out_trade_no; add ?mchId=….");

    public static IResult PaymentCodeExpired() => Problem(StatusCodes.Status410Gone, "code_expired",
        "The code_url/prepay_id is older than its lifetime (2 h at WeChat); call unifiedorder again.");

    public static IResult OrderClosed() => Problem(StatusCodes.Status409Conflict, "order_closed",
        "The order is closed or expired (time_expire passed) and cannot be paid.");

    public static IResult OrderPaid() => Problem(StatusCodes.Status409Conflict, "order_paid",
        "The order is already paid.");

    private static IResult Problem(int status, string code, string detail) => Results.Problem(
        detail: detail,
        statusCode: status,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
