using System.IO.Compression;
using System.Text;
using Gateway.WeChatPay.Bills;

namespace Gateway.WeChatPay.Tests.Bills;

/// <summary>
/// Samples/all-bill.txt(.gz) is a real-looking ALL bill of merchant 1601959334 in WeChat's layout (docs/protocols.md
/// G4: three NATIVE payments of 0.01, the 27-column header, the 7-value summary), the .gz the very bytes served
/// with tar_type=GZIP.
/// </summary>
public sealed class TradeBillParserTests
{
    private const int Max = 1024 * 1024;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Bills", "Samples", name));

    [Fact]
    public void Parse_ReadsTheAllBill_RowsByChineseColumnName_AmountsInFen()
    {
        var bill = TradeBillParser.Parse(Sample("all-bill.txt"), Max);

        Assert.Equal(["S20210128170702357723", "S20210128153505214586", "S20210128165824499930"], bill.Rows.Select(r => r.OutTradeNo));
        var first = bill.Rows[0];
        Assert.Equal("4200000925202101284997714292", first.TransactionId);
        Assert.Equal("SUCCESS", first.TradeState);
        Assert.Equal("NATIVE", first.TradeType);
        Assert.Equal("wx81be3101902f7cb2", first.AppId);
        Assert.Equal(1, first.SettlementFee);
        Assert.Equal(1, first.OrderFee);
        Assert.Null(first.OutRefundNo); // the bill writes 0 for "no refund"
        Assert.Equal(new DateTimeOffset(2021, 1, 28, 17, 7, 11, TimeSpan.FromHours(8)), first.TradeTime);
        Assert.Equal("for testing", first.Fields["商品名称"]);
        Assert.Equal("1.00%", first.Fields["费率"]);
        Assert.Equal("", first.Fields["费率备注"]); // a bare back-tick at the end of the line
        Assert.Equal(new TradeBillSummary(3, 3, 0, 3), bill.Summary);
    }

    [Fact]
    public void Parse_Gzip_GivesTheSameBillAsThePlainText()
    {
        var gz = Sample("all-bill.txt.gz");
        Assert.Equal(0x1f, gz[0]);
        var fromGzip = TradeBillParser.Parse(gz, Max);
        var plain = TradeBillParser.Parse(Sample("all-bill.txt"), Max);
        Assert.Equal(plain.Summary, fromGzip.Summary);
        Assert.Equal(plain.Rows.Select(r => (r.OutTradeNo, r.TransactionId, r.SettlementFee)), fromGzip.Rows.Select(r => (r.OutTradeNo, r.TransactionId, r.SettlementFee)));
    }

    [Fact]
    public void Parse_AcceptsCrLfAndABom()
    {
        var text = "\uFEFF" + Encoding.UTF8.GetString(Sample("all-bill.txt")).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bill = TradeBillParser.Parse(Encoding.UTF8.GetBytes(text), Max);
        Assert.Equal(3, bill.Rows.Count);
        Assert.Equal("2021-01-28 17:07:11", bill.Rows[0].Fields["交易时间"]);
    }

    [Fact]
    public void Parse_ReadsRefundLines_OfARefundBill()
    {
        const string text = """
            交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注
            `2021-02-01 13:54:01,`wx81be3101902f7cb2,`1601959334,`0,`,`4200000920202101197964319284,`S20210119,`oUser,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`2021-02-01 13:53:57,`2021-02-01 13:54:01,`50300806962021020105978994968,`R20210201,`12.30,`0.00,`ORIGINAL,`SUCCESS,`tea,`,`-0.07000,`0.60%,`0.00,`12.30,`
            总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额
            `1,`0.00,`12.30,`0.00,`-0.07000,`0.00,`12.30
            """;
        var row = Assert.Single(TradeBillParser.Parse(text).Rows);
        Assert.Equal("R20210201", row.OutRefundNo);
        Assert.Equal("50300806962021020105978994968", row.RefundId);
        Assert.Equal(1230, row.RefundFee);
        Assert.Equal("SUCCESS", row.RefundStatus);
        Assert.Equal("REFUND", row.TradeState);
        Assert.Equal(0, row.SettlementFee);
    }

    [Fact]
    public void Parse_ReadsTheOld24ColumnLayout_ByItsOwnColumnNames()
    {
        const string text = """
            交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,总金额,代金券或立减优惠金额,微信退款单号,商户退款单号,退款金额,代金券或立减优惠退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率
            `2014-11-10 16:33:45,`wx2421b1c4370ec43b,`10000100,`0,`1000,`1001690740201411100005734289,`1415640626,`085e9858e3ba5186aafcbaed1,`MICROPAY,`SUCCESS,`OTHERS,`CNY,`0.01,`0.0,`0,`0,`0,`0,`,`,`被扫支付测试,`订单额外描述,`0,`0.60%
            总交易单数,总交易额,总退款金额,总代金券或立减优惠退款金额,手续费总金额
            `1,`0.01,`0,`0,`0
            """;
        var bill = TradeBillParser.Parse(text);
        Assert.Equal(1, Assert.Single(bill.Rows).OrderFee);
        Assert.Equal(new TradeBillSummary(1, 1, 0, null), bill.Summary);
    }

    [Theory]
    [InlineData("`a0.00")] // not an amount
    [InlineData("`0.001")] // not fen
    [InlineData("0.01")]   // no back-tick
    public void Parse_RefusesAMalformedSettlementAmount(string amount)
    {
        var text = Encoding.UTF8.GetString(Sample("all-bill.txt")).Replace("`CNY,`0.01,", "`CNY," + amount + ",", StringComparison.Ordinal);
        Assert.Throws<TradeBillFormatException>(() => TradeBillParser.Parse(text));
    }

    [Fact]
    public void Parse_RefusesABillWithoutItsSummary_AndAGzipBomb()
    {
        var lines = Encoding.UTF8.GetString(Sample("all-bill.txt")).Split('\n');
        Assert.Throws<TradeBillFormatException>(() => TradeBillParser.Parse(string.Join('\n', lines.Take(2))));

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(new byte[2 * Max]);
        }

        Assert.Throws<TradeBillFormatException>(() => TradeBillParser.Parse(buffer.ToArray(), Max));
    }

    [Fact]
    public void Parse_RefusesAHeaderNamingAColumnTwice()
    {
        // Fuzz finding (wechat-bill): 商户订单号 renamed 微信订单号 made the parser throw ArgumentException, not a refusal.
        var text = Encoding.UTF8.GetString(Sample("all-bill.txt")).Replace("微信订单号,商户订单号", "微信订单号,微信订单号", StringComparison.Ordinal);
        Assert.Throws<TradeBillFormatException>(() => TradeBillParser.Parse(text));
        var summary = Encoding.UTF8.GetString(Sample("all-bill.txt")).Replace("总交易单数,应结订单总金额", "总交易单数,总交易单数", StringComparison.Ordinal);
        Assert.Throws<TradeBillFormatException>(() => TradeBillParser.Parse(summary));
    }
}
