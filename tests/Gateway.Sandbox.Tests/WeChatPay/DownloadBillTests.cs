using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class DownloadBillTests
{
    private const string AllHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    internal static Dictionary<string, string> Request(string billDate, string? tarType = null, string billType = "ALL")
    {
        var fields = new Dictionary<string, string>
        {
            ["appid"] = SandboxHost.AppId,
            ["mch_id"] = SandboxHost.MchId,
            ["nonce_str"] = Guid.NewGuid().ToString("N"),
            ["bill_date"] = billDate,
            ["bill_type"] = billType,
        };
        if (tarType is not null)
        {
            fields["tar_type"] = tarType;
        }

        return fields;
    }

    internal static async Task<byte[]> DownloadAsync(SandboxHost host, Dictionary<string, string> fields)
    {
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);
        using var content = new StringContent(XmlMessage.Write(fields), Encoding.UTF8, "text/xml");
        using var response = await host.Http.PostAsync("/sandbox/wechatpay/pay/downloadbill", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static string Today(SandboxHost host)
        => host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task DownloadBill_ListsTheDaysPaidOrders_InWeChatsLayout_PlainAndGzip()
    {
        await using var host = await SandboxHost.StartAsync();
        var paid = await host.PlaceNativeOrderAsync("DB-1");
        await host.PlaceNativeOrderAsync("DB-unpaid");
        using (var scan = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl = paid, suppressNotify = true }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, scan.StatusCode);
        }

        var plain = Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host))));
        var lines = plain.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.Equal(AllHeader, lines[0]);
        var fields = lines[1].Split(',');
        Assert.All(fields, f => Assert.StartsWith("`", f));
        Assert.Equal(27, fields.Length);
        Assert.Equal("`DB-1", fields[6]);
        Assert.Equal("`SUCCESS", fields[9]);
        Assert.Equal("`12.34", fields[12]);
        Assert.Equal("`0.07404", fields[22]); // 0.60% of 12.34, five decimals
        Assert.Equal("`12.34", fields[24]);
        Assert.Equal("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额", lines[2]);
        Assert.Equal("`1,`12.34,`0.00,`0.00,`0.07404,`12.34,`0.00", lines[3]);

        var gz = await DownloadAsync(host, Request(Today(host), "GZIP"));
        Assert.Equal(new byte[] { 0x1f, 0x8b }, gz[..2]);
        using var inflate = new StreamReader(new GZipStream(new MemoryStream(gz), CompressionMode.Decompress), Encoding.UTF8);
        Assert.Equal(plain, await inflate.ReadToEndAsync());

        // The payer paid without a notify: the bill knows, the merchant's receiver does not.
        await Task.Delay(300);
        Assert.Equal(0, (await host.GetOrderAsync("DB-1")).GetProperty("notify").GetProperty("attempts").GetArrayLength());
        Assert.Empty(host.Receiver.From("merchant"));
    }

    [Fact]
    public async Task DownloadBill_DayWithoutPayments_IsNoBillExist_20002()
    {
        await using var host = await SandboxHost.StartAsync();
        var reply = XmlMessage.Parse(Encoding.UTF8.GetString(await DownloadAsync(host, Request(Today(host)))));
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal("No Bill Exist", reply["return_msg"]);
        Assert.Equal("20002", reply["error_code"]);
        Assert.False(reply.ContainsKey("sign"));
    }

    [Theory]
    [InlineData("2026-11-29", null, "ALL", "invalid bill_date")]
    [InlineData("29991231", null, "ALL", "invalid bill_date")]
    [InlineData("TODAY", null, "WEEKLY", "invalid bill_type")]
    [InlineData("TODAY", "ZIP", "ALL", "invalid tar_type: Only GZIP supported")]
    public async Task DownloadBill_RefusesBadParameters(string billDate, string? tarType, string billType, string returnMsg)
    {
        await using var host = await SandboxHost.StartAsync();
        var date = billDate == "TODAY" ? Today(host) : billDate;
        var reply = XmlMessage.Parse(Encoding.UTF8.GetString(await DownloadAsync(host, Request(date, tarType, billType))));
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal(returnMsg, reply["return_msg"]);
    }

    [Fact]
    public async Task DownloadBill_RefusesAWrongSign()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = Request(Today(host));
        fields["sign"] = new string('0', 32);
        var reply = await host.PostXmlAsync("downloadbill", XmlMessage.Write(fields));
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal("签名错误", reply["return_msg"]);
    }
}
