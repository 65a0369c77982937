using System.Text.Json.Nodes;
using Gateway.Sandbox.Faults;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Gateway.Sandbox.WeChatPayV3.Refunds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPayV3.Api;

/// <summary>
/// The APIv3 endpoints at WeChat's own paths below <c>{prefix}/wechatpay</c>. Every request is authenticated
/// first (401 SIGN_ERROR), every reply is signed, errors are v3 JSON with their HTTP status.
/// </summary>
internal static class V3ApiEndpoints
{
    private const string TransactionsPath = "/v3/pay/transactions/";

    public static void Map(IEndpointRouteBuilder wechat)
    {
        var v3 = wechat.MapGroup("/v3").ExcludeFromDescription().AddEndpointFilter<V3ApiFaults>();
        v3.MapPost("/pay/transactions/native", (HttpContext c, V3Api api) => api.PrepayAsync(c, TradeTypes.Native));
        v3.MapPost("/pay/transactions/jsapi", (HttpContext c, V3Api api) => api.PrepayAsync(c, TradeTypes.Jsapi));
        v3.MapPost("/pay/transactions/h5", (HttpContext c, V3Api api) => api.PrepayAsync(c, TradeTypes.Mweb));
        v3.MapGet("/pay/transactions/out-trade-no/{outTradeNo}", (HttpContext c, string outTradeNo, V3Api api) => api.QueryAsync(c, outTradeNo));
        v3.MapPost("/pay/transactions/out-trade-no/{outTradeNo}/close", (HttpContext c, string outTradeNo, V3Api api) => api.CloseAsync(c, outTradeNo));
        v3.MapGet("/certificates", (HttpContext c, V3Api api) => api.CertificatesAsync(c));
        RefundsOperation.Map(v3);
    }

    /// <summary>The h5_url of an order: the sandbox's H5 cashier, beside the API that issued it.</summary>
    public static string H5Url(HttpRequest request, string prepayId)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "";
        var root = path[..path.IndexOf(TransactionsPath, StringComparison.Ordinal)];
        return $"{request.Scheme}://{request.Host}{root}/v3/h5/checkmweb?prepay_id={Uri.EscapeDataString(prepayId)}";
    }
}

/// <summary>The handlers of <see cref="V3ApiEndpoints"/>.</summary>
internal sealed class V3Api(V3RequestAuthenticator authenticator, V3Replies replies, PrepayOperation prepay, OrderBook orders,
    CertificatesOperation certificates, TimeProvider time)
{
    public async Task<IResult> PrepayAsync(HttpContext context, string tradeType)
    {
        var (merchant, body, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        var (order, refused) = prepay.Place(merchant!, tradeType, body);
        if (refused is not null)
        {
            return replies.Error(merchant, refused);
        }

        var reply = tradeType switch
        {
            TradeTypes.Native => new JsonObject { ["code_url"] = order!.CodeUrl },
            TradeTypes.Mweb => new JsonObject { ["h5_url"] = V3ApiEndpoints.H5Url(context.Request, order!.PrepayId) },
            _ => new JsonObject { ["prepay_id"] = order!.PrepayId },
        };
        return replies.Json(merchant, StatusCodes.Status200OK, reply);
    }

    public async Task<IResult> QueryAsync(HttpContext context, string outTradeNo)
    {
        var (merchant, _, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        if (context.Request.Query["mchid"].ToString() != merchant!.MchId)
        {
            return replies.Error(merchant, V3Error.ParamError("mchid 为必填且须为请求商户号 (/mchid)"));
        }

        return orders.FindByOutTradeNo(merchant.MchId, outTradeNo) is { } order
            ? replies.Json(merchant, StatusCodes.Status200OK, TransactionView.From(order.Snapshot(time.GetUtcNow())))
            : replies.Error(merchant, V3Error.OrderNotExist());
    }

    public async Task<IResult> CloseAsync(HttpContext context, string outTradeNo)
    {
        var (merchant, body, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        if (MchIdOf(body) != merchant!.MchId)
        {
            return replies.Error(merchant, V3Error.ParamError("mchid 为必填且须为请求商户号 (/mchid)"));
        }

        if (orders.FindByOutTradeNo(merchant.MchId, outTradeNo) is not { } order)
        {
            return replies.Error(merchant, V3Error.OrderNotExist());
        }

        return order.Close(time.GetUtcNow()) switch
        {
            CloseResult.AlreadyPaid => replies.Error(merchant, V3Error.OrderPaid()),
            _ => replies.Signed(merchant, StatusCodes.Status204NoContent, ""),
        };
    }

    private static string? MchIdOf(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json && json["mchid"] is JsonValue value && value.TryGetValue<string>(out var mchId) ? mchId : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<IResult> CertificatesAsync(HttpContext context)
    {
        var (merchant, _, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        return error is not null ? replies.Error(merchant, error) : certificates.Reply(merchant!);
    }
}
