using System.Text.Json;
using System.Text.RegularExpressions;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Sandbox.WeChatPayV3.Api;

/// <summary>
/// <c>POST /v3/pay/transactions/{native|jsapi|h5}</c>: checks the body as WeChat does (PARAM_ERROR with the field,
/// APPID_MCHID_NOT_MATCH), then places the order in the same order book as v2 (one merchant, one set of orders).
/// REF: docs/protocols.md §G3.a.
/// </summary>
internal sealed partial class PrepayOperation(OrderBook orders)
{
    public (SandboxOrder? Order, V3Error? Error) Place(V3Merchant merchant, string tradeType, string json)
    {
        PrepayRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, WeChatPayV3Json.Default.PrepayRequest);
        }
        catch (JsonException ex)
        {
            return (null, V3Error.ParamError("输入源“/body”映射到字段失败 (the body is not a valid prepay request): " + ex.Path));
        }

        if (request is null)
        {
            return (null, V3Error.ParamError("body is required"));
        }

        if (Check(request, tradeType) is { } invalid)
        {
            return (null, V3Error.ParamError(invalid));
        }

        if (request.MchId != merchant.MchId)
        {
            return (null, V3Error.InvalidRequest("mchid 与请求签名的商户号不一致 (mchid is not the signing merchant)"));
        }

        if (!merchant.AppIds.Contains(request.AppId, StringComparer.Ordinal))
        {
            return (null, V3Error.AppIdMchIdNotMatch());
        }

        var terms = new OrderTerms(merchant.MchId, request.AppId, request.OutTradeNo, request.Description, request.Attach, null,
            request.Amount.Total, request.Amount.Currency ?? "CNY", tradeType, null, request.Payer?.OpenId,
            request.SceneInfo?.PayerClientIp ?? "", ParseExpire(request.TimeExpire), new Uri(request.NotifyUrl), WeChatSignType.Md5)
        {
            IsV3 = true,
        };
        var placed = orders.Place(terms);
        return placed.Order is { } order ? (order, null) : (null, placed.ErrCode switch
        {
            "ORDERPAID" => V3Error.OrderPaid(),
            "ORDERCLOSED" => V3Error.OrderClosed(),
            _ => V3Error.OutTradeNoUsed(),
        });
    }

    private static string? Check(PrepayRequest request, string tradeType)
    {
        if (request.Description is not { Length: > 0 and <= 127 })
        {
            return "description 长度应在 1-127 之间 (/description)";
        }

        if (!OutTradeNo().IsMatch(request.OutTradeNo))
        {
            return "out_trade_no 应为 6-32 位数字、字母、_-*| (/out_trade_no)";
        }

        if (!Uri.TryCreate(request.NotifyUrl, UriKind.Absolute, out var notifyUrl) || notifyUrl.Scheme is not ("https" or "http")
            || notifyUrl.Query.Length > 0 || request.NotifyUrl.Length > 255)
        {
            return "notify_url 应为不带参数的 http(s) 地址 (/notify_url)";
        }

        if (request.Amount.Total <= 0 || request.Amount.Currency is not (null or "CNY"))
        {
            return "amount.total 应大于 0, currency 应为 CNY (/amount)";
        }

        if (request.TimeExpire is not null && ParseExpire(request.TimeExpire) is null)
        {
            return "time_expire 应为 RFC 3339 格式 (/time_expire)";
        }

        return tradeType switch
        {
            TradeTypes.Jsapi when request.Payer?.OpenId is not { Length: > 0 and <= 128 } => "payer.openid 为必填 (/payer/openid)",
            TradeTypes.Mweb when request.SceneInfo?.PayerClientIp is not { Length: > 0 and <= 45 } => "scene_info.payer_client_ip 为必填 (/scene_info/payer_client_ip)",
            TradeTypes.Mweb when request.SceneInfo?.H5Info?.Type is not { Length: > 0 } => "scene_info.h5_info.type 为必填 (/scene_info/h5_info/type)",
            _ => null,
        };
    }

    private static DateTimeOffset? ParseExpire(string? text)
        => text is not null && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_*|-]{6,32}$")]
    private static partial Regex OutTradeNo();
}
