using Gateway.Sandbox.WeChatPayV3.Protocol;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.Faults;

/// <summary>
/// The v3 reply of an <c>error</c> fault: WeChat's code with its HTTP status (docs/protocols.md §G3.c). A v2 err_code
/// names its v3 twin (SYSTEMERROR is SYSTEM_ERROR), so a fault written for v2 reads the same on v3; no code is
/// SYSTEM_ERROR (500). A code outside the table is answered 400, the status of a plain refusal.
/// </summary>
internal static class V3FaultErrors
{
    private static readonly Dictionary<string, (int Status, string Message)> Codes = new(StringComparer.Ordinal)
    {
        ["SYSTEM_ERROR"] = (StatusCodes.Status500InternalServerError, "系统异常，请稍后重试"),
        ["FREQUENCY_LIMITED"] = (StatusCodes.Status429TooManyRequests, "频率超限，请降低请求频率"),
        ["RATELIMIT_EXCEED"] = (StatusCodes.Status429TooManyRequests, "请求频率超过限制"),
        ["NO_AUTH"] = (StatusCodes.Status403Forbidden, "商户无此接口权限"),
        ["NOT_ENOUGH"] = (StatusCodes.Status403Forbidden, "余额不足"),
        ["ACCOUNT_ERROR"] = (StatusCodes.Status403Forbidden, "账号异常"),
        ["RULE_LIMIT"] = (StatusCodes.Status403Forbidden, "业务规则限制"),
        ["TRADE_ERROR"] = (StatusCodes.Status403Forbidden, "交易错误"),
        ["OUT_TRADE_NO_USED"] = (StatusCodes.Status403Forbidden, "商户订单号重复"),
        ["USER_PAYING"] = (StatusCodes.Status202Accepted, "用户支付中，需要输入密码"),
        ["PARAM_ERROR"] = (StatusCodes.Status400BadRequest, "参数错误"),
        ["INVALID_REQUEST"] = (StatusCodes.Status400BadRequest, "无效请求"),
        ["ORDER_CLOSED"] = (StatusCodes.Status400BadRequest, "订单已关闭"),
        ["SIGN_ERROR"] = (StatusCodes.Status401Unauthorized, "签名错误"),
        ["ORDER_NOT_EXIST"] = (StatusCodes.Status404NotFound, "订单不存在"),
        ["RESOURCE_NOT_EXISTS"] = (StatusCodes.Status404NotFound, "资源不存在"),
    };

    private static readonly Dictionary<string, string> V2Names = new(StringComparer.Ordinal)
    {
        ["SYSTEMERROR"] = "SYSTEM_ERROR",
        ["NOAUTH"] = "NO_AUTH",
        ["NOTENOUGH"] = "NOT_ENOUGH",
        ["USERPAYING"] = "USER_PAYING",
        ["ORDERNOTEXIST"] = "ORDER_NOT_EXIST",
        ["ORDERCLOSED"] = "ORDER_CLOSED",
        ["RULELIMIT"] = "RULE_LIMIT",
        ["SIGNERROR"] = "SIGN_ERROR",
    };

    public static V3Error For(string? errCode)
    {
        var code = errCode is null ? "SYSTEM_ERROR" : V2Names.GetValueOrDefault(errCode, errCode);
        return Codes.TryGetValue(code, out var known)
            ? new V3Error(known.Status, code, known.Message)
            : new V3Error(StatusCodes.Status400BadRequest, code, "模拟错误 (sandbox fault)");
    }
}
