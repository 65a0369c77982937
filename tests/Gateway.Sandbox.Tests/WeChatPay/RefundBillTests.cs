using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;
using Gateway.WeChatPay.Bills;
using static Gateway.Sandbox.Tests.WeChatPay.DownloadBillTests;

namespace Gateway.Sandbox.Tests.WeChatPay;

/// <summary>
/// The bill's refund lines (docs/protocols.md G1.3): in ALL, a 27-column line with 交易状态 REFUND after the day's
/// payments; in REFUND, the 29-column layout with 退款申请时间 and 退款成功时间; SUCCESS leaves them out. A refund made
/// by hand in the merchant platform succeeds at once and appears there too.
/// </summary>
public sealed class RefundBillTests
{
    private const string RefundHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    [Fact]
    public async Task Bills_ListTheDaysRefunds_InTheAllAndRefundLayouts()
    {
        await using var host = await SandboxHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.ScanAsync(await host.PlaceNativeOrderAsync("RB-1"))).StatusCode);
        using (var refund = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/orders/RB-1/platform-refunds", new { outRefundNo = "RB-1-r1", refundFee = 234 }))
        {
            Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        }

        var all = Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host))));
        var lines = all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var refundLine = lines[2].Split(',');
        Assert.Equal(27, refundLine.Length);
        Assert.Equal(("`RB-1", "`REFUND", "`0.00", "`RB-1-r1", "`2.34", "`ORIGINAL", "`SUCCESS", "`0.00", "`2.34"),
            (refundLine[6], refundLine[9], refundLine[12], refundLine[15], refundLine[16], refundLine[18], refundLine[19], refundLine[24], refundLine[25]));
        Assert.Equal("`2,`12.34,`2.34,`0.00,`0.07404,`12.34,`2.34", lines[4]);

        var bill = TradeBillParser.Parse(all);
        Assert.Equal([(false, 1234L, 0L), (true, 0L, 234L)], bill.Rows.Select(r => (r.OutRefundNo is not null, r.SettlementFee, r.RefundFee)));
        Assert.Equal((2, 1234L, 234L), (bill.Summary.TradeCount, bill.Summary.SettlementTotal, bill.Summary.RefundTotal));

        var refundBill = Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host), billType: "REFUND")));
        var refundLines = refundBill.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RefundHeader, refundLines[0]);
        var fields = refundLines[1].Split(',');
        Assert.Equal(29, fields.Length);
        Assert.Matches(@"^`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", fields[14]);
        Assert.Equal(fields[14], fields[15]); // applied and succeeded within the same second
        Assert.Equal("`1,`0.00,`2.34,`0.00,`0.00000,`0.00,`2.34", refundLines[3]);
        var row = Assert.Single(TradeBillParser.Parse(refundBill).Rows);
        Assert.Equal(("RB-1", "RB-1-r1", 234L, "SUCCESS"), (row.OutTradeNo, row.OutRefundNo, row.RefundFee, row.RefundStatus));

        var success = Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host), billType: "SUCCESS")));
        Assert.DoesNotContain("RB-1-r1", success);
    }

    [Fact]
    public async Task PlatformRefund_FollowsTheRefundRules()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("RB-unpaid");
        using var unpaid = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/orders/RB-unpaid/platform-refunds", new { outRefundNo = "x1", refundFee = 1 });
        Assert.Equal(HttpStatusCode.Conflict, unpaid.StatusCode);
        using var unknown = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/orders/RB-none/platform-refunds", new { outRefundNo = "x2", refundFee = 1 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.ScanAsync(await host.PlaceNativeOrderAsync("RB-2"))).StatusCode);
        using var tooMuch = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/orders/RB-2/platform-refunds", new { outRefundNo = "x3", refundFee = 1235 });
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        using var noAmount = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/orders/RB-2/platform-refunds", new { outRefundNo = "x4" });
        Assert.Equal(HttpStatusCode.BadRequest, noAmount.StatusCode);
        var bill = Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host))));
        Assert.DoesNotContain("REFUND", bill);
    }
}
