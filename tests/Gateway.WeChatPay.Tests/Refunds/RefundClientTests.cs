using Gateway.WeChatPay.Models;
using Gateway.WeChatPay.Testing;

namespace Gateway.WeChatPay.Refunds.Tests;

/// <summary>secapi/pay/refund goes only through the client-certificate HttpClient; refundquery through the normal one.</summary>
public class RefundClientTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private static readonly WeChatPayOptions Options = new() { AppId = "wxapp", MchId = "1900000109", ApiKey = Key, BaseUrl = "https://wx.test/" };

    private static RefundRequest Refund() => new() { OutTradeNo = "pay_1", OutRefundNo = "re_1", TotalFee = 100, RefundFee = 30, NotifyUrl = "https://gw.test/notify/wx/refund" };

    [Fact]
    public async Task Refund_GoesThroughTheSecureClient_ToTheSecureBaseUrl_Signed()
    {
        var plain = new FakeWeChatServer(Key);
        var secure = new FakeWeChatServer(Key) { Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["refund_id"] = "50001", ["refund_fee"] = "30" } };
        var client = new WeChatPayClient(new HttpClient(plain), Options, TimeProvider.System)
        {
            SecureHttpClient = new HttpClient(secure),
            SecureBaseUrl = "https://secure.wx.test/sandbox",
        };

        var reply = await client.RefundAsync(Refund());

        Assert.True(reply.IsSuccess);
        Assert.Equal("50001", reply.RefundId);
        Assert.Empty(plain.Requests);
        var sent = Assert.Single(secure.Requests);
        Assert.Equal("/sandbox/secapi/pay/refund", sent.Path);
        Assert.True(sent.SignValid);
        Assert.Equal("re_1", sent.Fields["out_refund_no"]);
        Assert.Equal("100", sent.Fields["total_fee"]);
        Assert.Equal("30", sent.Fields["refund_fee"]);
        Assert.Equal("https://gw.test/notify/wx/refund", sent.Fields["notify_url"]);
    }

    [Fact]
    public async Task Refund_WithoutASecureClient_Throws_AndSendsNothing()
    {
        var plain = new FakeWeChatServer(Key);
        var client = new WeChatPayClient(new HttpClient(plain), Options, TimeProvider.System);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.RefundAsync(Refund()));
        Assert.Empty(plain.Requests);
    }

    [Fact]
    public async Task RefundQuery_ReadsTheIndexedRefund()
    {
        var plain = new FakeWeChatServer(Key)
        {
            Reply = (_, _) => new()
            {
                ["result_code"] = "SUCCESS", ["refund_count"] = "1", ["out_refund_no_0"] = "re_1", ["refund_id_0"] = "50001",
                ["refund_fee_0"] = "30", ["refund_status_0"] = "SUCCESS", ["refund_success_time_0"] = "2024-05-01 12:00:00",
            },
        };
        var client = new WeChatPayClient(new HttpClient(plain), Options, TimeProvider.System);

        var item = (await client.RefundQueryAsync("re_1")).Find("re_1");

        Assert.Equal("/pay/refundquery", plain.Requests.Single().Path);
        Assert.Equal(new RefundQueryItem("re_1", "50001", 30, "SUCCESS", new DateTimeOffset(2024, 5, 1, 4, 0, 0, TimeSpan.Zero)), item);
    }
}
