using Gateway.WeChatPay.Models;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Testing;

namespace Gateway.WeChatPay.Tests;

public sealed class ClientTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 4, 0, 0, TimeSpan.Zero);

    private static (WeChatPayClient Client, FakeWeChatServer Server) Create(WeChatSignType signType = WeChatSignType.Md5)
    {
        var server = new FakeWeChatServer(Key);
        var options = new WeChatPayOptions { AppId = "wxapp", MchId = "1900000109", ApiKey = Key, SignType = signType, BaseUrl = "https://wx.test/" };
        return (new WeChatPayClient(new HttpClient(server), options, new FixedTimeProvider(Now)), server);
    }

    private static UnifiedOrderRequest Order() => new()
    {
        Body = "Coffee",
        OutTradeNo = "P1",
        TotalFee = 1234,
        SpbillCreateIp = "203.0.113.9",
        NotifyUrl = "https://gw.test/notify/wx",
        TradeType = WeChatPayCodes.TradeTypeNative,
        ProductId = "SKU1",
        TimeExpire = Now.AddMinutes(30),
    };

    [Fact]
    public async Task UnifiedOrder_SendsSignedXml_AndReadsVerifiedReply()
    {
        var (client, server) = Create();
        server.Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["prepay_id"] = "wx201", ["code_url"] = "weixin://wxpay/bizpayurl?pr=abc", ["trade_type"] = "NATIVE" };

        var reply = await client.UnifiedOrderAsync(Order());

        Assert.True(reply.IsSuccess);
        Assert.Equal("weixin://wxpay/bizpayurl?pr=abc", reply.CodeUrl);
        Assert.Equal("wx201", reply.PrepayId);
        var sent = Assert.Single(server.Requests);
        Assert.True(sent.SignValid);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/pay/unifiedorder", sent.Path);
        Assert.StartsWith("application/xml", sent.ContentType);
        Assert.Equal("wxapp", sent.Fields["appid"]);
        Assert.Equal("1234", sent.Fields["total_fee"]);
        Assert.Equal("20240501120000", sent.Fields["time_start"]);
        Assert.Equal("20240501123000", sent.Fields["time_expire"]);
        Assert.False(sent.Fields.ContainsKey("sign_type"));
        Assert.Equal(32, sent.Fields["nonce_str"].Length);
    }

    [Fact]
    public async Task Send_UsesFreshNonceEachRequest()
    {
        var (client, server) = Create();
        await client.OrderQueryAsync("P1");
        await client.OrderQueryAsync("P1");
        Assert.NotEqual(server.Requests[0].Fields["nonce_str"], server.Requests[1].Fields["nonce_str"]);
    }

    [Fact]
    public async Task Hmac_SendsSignType_AndVerifies64CharReply()
    {
        var (client, server) = Create(WeChatSignType.HmacSha256);
        var reply = await client.CloseOrderAsync("P1");
        Assert.True(reply.IsSuccess);
        Assert.Equal("HMAC-SHA256", server.Requests[0].Fields["sign_type"]);
        Assert.Equal(64, server.Requests[0].Fields["sign"].Length);
        Assert.Equal(64, reply.Fields["sign"].Length);
    }

    [Fact]
    public async Task OrderQuery_ParsesFields()
    {
        var (client, server) = Create();
        server.Reply = (_, req) => new()
        {
            ["result_code"] = "SUCCESS", ["out_trade_no"] = req["out_trade_no"], ["trade_state"] = "SUCCESS",
            ["transaction_id"] = "4200001", ["total_fee"] = "1234", ["time_end"] = "20240501121500",
        };

        var reply = await client.OrderQueryAsync("P1");

        Assert.Equal("/pay/orderquery", server.Requests[0].Path);
        Assert.Equal("SUCCESS", reply.TradeState);
        Assert.Equal(1234L, reply.TotalFee);
        Assert.Equal(Now.AddMinutes(15), reply.TimeEnd);
        Assert.Null(reply.FeeType);
    }

    [Fact]
    public async Task BusinessFailure_ComesBackAsData()
    {
        var (client, server) = Create();
        server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = "ORDERPAID", ["err_code_des"] = "paid" };
        var reply = await client.CloseOrderAsync("P1");
        Assert.False(reply.IsSuccess);
        Assert.Equal("ORDERPAID", reply.ErrCode);
    }

    [Fact]
    public async Task ReturnCodeFail_ComesBackAsData_WithoutSign()
    {
        var (client, server) = Create();
        server.RawReply = "<xml><return_code>FAIL</return_code><return_msg>签名错误</return_msg></xml>";
        var reply = await client.OrderQueryAsync("P1");
        Assert.Equal("FAIL", reply.ReturnCode);
        Assert.Equal("签名错误", reply.ReturnMsg);
    }

    [Fact]
    public async Task Rejects_ReplyWithBadSignature()
    {
        var (client, server) = Create();
        server.TamperReply = true;
        var ex = await Assert.ThrowsAsync<WeChatPayReplyException>(() => client.OrderQueryAsync("P1"));
        Assert.Equal(WeChatPayReplyException.InvalidSignature, ex.Code);
    }

    [Theory]
    [InlineData("<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code></xml>", WeChatPayReplyException.InvalidSignature)]
    [InlineData("<html>bad gateway</html>", WeChatPayReplyException.InvalidResponse)]
    [InlineData("<xml><result_code>SUCCESS</result_code></xml>", WeChatPayReplyException.InvalidResponse)]
    public async Task Rejects_UntrustworthyReply(string body, string code)
    {
        var (client, server) = Create();
        server.RawReply = body;
        var ex = await Assert.ThrowsAsync<WeChatPayReplyException>(() => client.OrderQueryAsync("P1"));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public async Task Rejects_ReplyThatMakesSystemXmlThrow_AsInvalidResponse()
    {
        var (client, server) = Create();
        server.RawReplyBytes = XmlTests.BrokenDeclaration;

        var ex = await Assert.ThrowsAsync<WeChatPayReplyException>(() => client.OrderQueryAsync("P1"));

        Assert.Equal(WeChatPayReplyException.InvalidResponse, ex.Code);
    }

    [Fact]
    public async Task OrderQuery_TimeEndWithoutUtcInstant_IsNoTime()
    {
        var (client, server) = Create();
        server.Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["trade_state"] = "SUCCESS", ["time_end"] = "00010101000000" };

        var reply = await client.OrderQueryAsync("P1");

        Assert.Equal("SUCCESS", reply.TradeState);
        Assert.Null(reply.TimeEnd);
    }

    [Fact]
    public async Task Rejects_OversizedReply()
    {
        var (client, server) = Create();
        server.RawReply = "<xml><a>" + new string('x', 200_000) + "</a></xml>";
        var ex = await Assert.ThrowsAsync<WeChatPayReplyException>(() => client.OrderQueryAsync("P1"));
        Assert.Equal(WeChatPayReplyException.InvalidResponse, ex.Code);
    }

    [Fact]
    public void UnifiedOrder_RequiresProductIdForNative_AndOpenIdForJsapi()
    {
        Assert.Throws<ArgumentException>(() => (Order() with { ProductId = null }).ToFields(Now));
        Assert.Throws<ArgumentException>(() => (Order() with { TradeType = "JSAPI" }).ToFields(Now));
        Assert.Equal("o1", (Order() with { TradeType = "JSAPI", OpenId = "o1" }).ToFields(Now)["openid"]);
        Assert.Throws<ArgumentException>(() => (Order() with { TotalFee = 0 }).ToFields(Now));
    }

    [Fact]
    public void Constructor_RefusesInvalidOptions_WithoutLeakingKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeChatPayClient(new HttpClient(), new WeChatPayOptions { ApiKey = "secret-short" }, TimeProvider.System));
        Assert.DoesNotContain("secret-short", ex.Message, StringComparison.Ordinal);
    }
}
