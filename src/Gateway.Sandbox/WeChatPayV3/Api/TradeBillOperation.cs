using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPay.Api;
using Gateway.Sandbox.WeChatPay.Bills;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Bills;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPayV3.Api;

/// <summary>
/// <c>GET /v3/bill/tradebill?bill_date=yyyy-MM-dd&amp;bill_type=&amp;tar_type=</c> (docs/protocols.md §G3.h): the day's bill, made
/// from the order book in the same layout as v2's downloadbill, held behind a signed reply <c>{hash_type: SHA1, hash_value,
/// download_url}</c>; <c>GET /v3/billdownload/file?token=</c> serves it, to a signed request, unsigned, as WeChat does. The hash
/// covers the bytes as served (gzip when <c>tar_type=GZIP</c>). Errors: <c>NO_STATEMENT_EXIST</c> for a day without payments or
/// refunds, <c>PARAM_ERROR</c> for a malformed date, type or tar_type, <c>INVALID_REQUEST</c> for a future or over three
/// months old date and for an unknown or expired link. Like the v2 bill, today's is served as it stands.
/// </summary>
internal sealed class TradeBillOperation(V3RequestAuthenticator authenticator, V3Replies replies, OrderBook orders, BillFiles files, TimeProvider time)
{
    private const string ApplyPath = "/v3/bill/tradebill";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static void Map(IEndpointRouteBuilder wechat)
    {
        var v3 = wechat.MapGroup("/v3").ExcludeFromDescription();
        v3.MapGet("/bill/tradebill", (HttpContext c, TradeBillOperation bill) => bill.ApplyAsync(c));
        v3.MapGet("/billdownload/file", (HttpContext c, TradeBillOperation bill) => bill.DownloadAsync(c));
    }

    public async Task<IResult> ApplyAsync(HttpContext context)
    {
        var (merchant, _, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        var query = context.Request.Query;
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Beijing).DateTime);
        if (!DateOnly.TryParseExact(query["bill_date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return replies.Error(merchant, V3Error.ParamError("bill_date 格式应为 yyyy-MM-dd (bill_date is yyyy-MM-dd)"));
        }

        var billType = query["bill_type"].ToString() is { Length: > 0 } t ? t : "ALL";
        var tarType = query["tar_type"].ToString();
        if (billType is not ("ALL" or "SUCCESS" or "REFUND" or "RECHARGE_REFUND" or "ALL_SPECIAL" or "SUC_SPECIAL" or "REF_SPECIAL")
            || tarType is not ("" or "GZIP"))
        {
            return replies.Error(merchant, V3Error.ParamError("bill_type 或 tar_type 取值错误 (invalid bill_type or tar_type)"));
        }

        if (day > today || day < today.AddMonths(-3))
        {
            return replies.Error(merchant, V3Error.InvalidRequest("只能下载三个月以内的账单 (only the last three months, up to today)"));
        }

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing);
        // No recharge coupons and no special (partner) bills in the sandbox: those bills never exist.
        var paid = billType is "ALL" or "SUCCESS" ? orders.PaidBetween(merchant!.MchId, start, start.AddDays(1)) : [];
        var refunds = billType is "ALL" or "REFUND" ? orders.RefundsBetween(merchant!.MchId, start, start.AddDays(1)) : [];
        if (paid.Count == 0 && refunds.Count == 0)
        {
            return replies.Error(merchant, new V3Error(StatusCodes.Status400BadRequest, "NO_STATEMENT_EXIST", "要查询的账单不存在 (no bill for this day)"));
        }

        var bytes = Encoding.UTF8.GetBytes(TradeBillWriter.Write(paid, refunds, billType));
        if (tarType == "GZIP")
        {
            bytes = DownloadBillOperation.Gzip(bytes);
        }

        var token = files.Add(merchant!.MchId, bytes);
        return replies.Json(merchant, StatusCodes.Status200OK, new JsonObject
        {
            ["hash_type"] = "SHA1",
            ["hash_value"] = Convert.ToHexStringLower(SHA1.HashData(bytes)),
            ["download_url"] = DownloadUrl(context.Request, token),
        });
    }

    public async Task<IResult> DownloadAsync(HttpContext context)
    {
        var (merchant, _, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        return files.Find(context.Request.Query["token"].ToString(), merchant!.MchId) is { } bytes
            ? Results.Bytes(bytes, "application/octet-stream")
            : replies.Error(merchant, V3Error.InvalidRequest("下载链接无效或已过期 (the download link is unknown or expired)"));
    }

    // Beside the API that issued it, like WeChat's https://api.mch.weixin.qq.com/v3/billdownload/file?token=….
    private static string DownloadUrl(HttpRequest request, string token)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "";
        var root = path[..path.IndexOf(ApplyPath, StringComparison.Ordinal)];
        return $"{request.Scheme}://{request.Host}{root}/v3/billdownload/file?token={token}";
    }
}
