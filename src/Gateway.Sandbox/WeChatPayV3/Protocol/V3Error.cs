using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPayV3.Protocol;

/// <summary>
/// A v3 error reply: HTTP status plus <c>{"code","message"}</c>, with WeChat's status per code.
/// REF: docs/protocols.md §G3.c.
/// </summary>
internal sealed record V3Error(int Status, string Code, string Message)
{
    public static V3Error SignError(string message) => new(StatusCodes.Status401Unauthorized, "SIGN_ERROR", message);

    public static V3Error ParamError(string message) => new(StatusCodes.Status400BadRequest, "PARAM_ERROR", message);

    public static V3Error InvalidRequest(string message) => new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);

    public static V3Error MchNotExists() => new(StatusCodes.Status400BadRequest, "MCH_NOT_EXISTS", "商户号不存在");

    public static V3Error AppIdMchIdNotMatch() => new(StatusCodes.Status400BadRequest, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");

    public static V3Error OrderClosed() => new(StatusCodes.Status400BadRequest, "ORDER_CLOSED", "订单已关闭");

    public static V3Error OutTradeNoUsed() => new(StatusCodes.Status403Forbidden, "OUT_TRADE_NO_USED", "商户订单号重复");

    // The common v3 table has no "already paid" row; TRADE_ERROR (403) is its business-failure code.
    public static V3Error OrderPaid() => new(StatusCodes.Status403Forbidden, "TRADE_ERROR", "订单已支付");

    public static V3Error OrderNotExist() => new(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "订单不存在");

    public static V3Error NotFound() => new(StatusCodes.Status404NotFound, "NOT_FOUND", "Not Found");
}
