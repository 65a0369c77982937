using System.Globalization;
using System.IO.Compression;
using System.Text;
using Gateway.Sandbox.WeChatPay.Bills;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// <c>POST /pay/downloadbill</c> (docs/protocols.md G1): the merchant's bill of one Beijing day, generated from the
/// order book, plain or gzip, unsigned. Errors are WeChat's unsigned XML with <c>return_msg</c> and <c>error_code</c>:
/// <c>No Bill Exist</c> (20002) for a day without payments or refunds, <c>invalid bill_date</c> for a malformed, future or
/// more than three months old date, <c>invalid bill_type</c>, <c>invalid tar_type: Only GZIP supported</c>.
/// One leniency on purpose: today's bill is served as it stands (WeChat serves it from 9:00 the next day), so a
/// test can reconcile what it just paid.
/// </summary>
internal sealed class DownloadBillOperation(OrderBook orders, TimeProvider time)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public IResult Execute(AuthenticatedRequest request)
    {
        var fields = request.Fields;
        if (!fields.TryGetValue("bill_date", out var billDate) || billDate.Length == 0)
        {
            return Error("missing parameter", null);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Beijing).DateTime);
        if (billDate.Length != 8 || !DateOnly.TryParseExact(billDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day > today || day < today.AddMonths(-3))
        {
            return Error("invalid bill_date", null);
        }

        var billType = fields.GetValueOrDefault("bill_type", "ALL");
        if (billType is not ("ALL" or "SUCCESS" or "REFUND" or "RECHARGE_REFUND"))
        {
            return Error("invalid bill_type", null);
        }

        var tarType = fields.GetValueOrDefault("tar_type");
        if (!string.IsNullOrEmpty(tarType) && tarType != "GZIP")
        {
            return Error("invalid tar_type: Only GZIP supported", null);
        }

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing);
        // The sandbox has no recharge coupons, so a RECHARGE_REFUND bill never exists.
        var paid = billType is "ALL" or "SUCCESS" ? orders.PaidBetween(request.Merchant.MchId, start, start.AddDays(1)) : [];
        var refunds = billType is "ALL" or "REFUND" ? orders.RefundsBetween(request.Merchant.MchId, start, start.AddDays(1)) : [];
        if (paid.Count == 0 && refunds.Count == 0)
        {
            return Error("No Bill Exist", "20002");
        }

        var bytes = Encoding.UTF8.GetBytes(TradeBillWriter.Write(paid, refunds, billType));
        return tarType == "GZIP" ? Results.Bytes(Gzip(bytes), "application/octet-stream") : Results.Bytes(bytes, "text/plain; charset=utf-8");
    }

    private static IResult Error(string returnMsg, string? errorCode)
    {
        List<KeyValuePair<string, string>> reply = [new("return_code", WeChatReplies.Fail), new("return_msg", returnMsg)];
        if (errorCode is not null)
        {
            reply.Add(new("error_code", errorCode));
        }

        return WeChatApiEndpoints.Xml(WeChatXml.Write(reply));
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
