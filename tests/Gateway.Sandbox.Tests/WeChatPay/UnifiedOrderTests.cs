using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class UnifiedOrderTests
{
    [Fact]
    public async Task UnifiedOrder_Native_ReturnsSignedCodeUrlAndPrepayId()
    {
        await using var host = await SandboxHost.StartAsync();

        var reply = await host.CallAsync("unifiedorder", host.NativeOrder("UO-1"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
        Assert.Equal(SandboxHost.AppId, reply["appid"]);
        Assert.Equal(SandboxHost.MchId, reply["mch_id"]);
        Assert.Equal("NATIVE", reply["trade_type"]);
        Assert.Matches(@"^weixin://wxpay/bizpayurl\?pr=[0-9A-Za-z]{7,}$", reply["code_url"]);
        Assert.Matches(@"^wx\d{14}\w+$", reply["prepay_id"]);
        Assert.True(reply["prepay_id"].Length <= 64);
        Assert.InRange(reply["nonce_str"].Length, 1, 32);
    }

    [Fact]
    public async Task UnifiedOrder_Replies_WithFreshNonceEachTime()
    {
        await using var host = await SandboxHost.StartAsync();

        var first = await host.CallAsync("unifiedorder", host.NativeOrder("UO-NONCE"));
        var second = await host.CallAsync("unifiedorder", host.NativeOrder("UO-NONCE"));

        Assert.NotEqual(first["nonce_str"], second["nonce_str"]);
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_BadSignature()
    {
        await using var host = await SandboxHost.StartAsync();

        var reply = await host.CallAsync("unifiedorder", host.NativeOrder("UO-2"), key: "wrongKey000000000000000000000000");

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal("签名错误", reply["return_msg"]);
        Assert.False(reply.ContainsKey("sign"));
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_HmacSignWithoutSignType()
    {
        await using var host = await SandboxHost.StartAsync();

        // No sign_type means MD5; an HMAC sign must not be accepted by guessing from its length.
        var reply = await host.CallAsync("unifiedorder", host.NativeOrder("UO-3"), signType: IndependentSigner.HmacSha256);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal("签名错误", reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_TamperedField()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-4");
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);
        fields["total_fee"] = "1";

        var reply = await host.PostXmlAsync("unifiedorder", XmlMessage.Write(fields));

        Assert.Equal("签名错误", reply["return_msg"]);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("out_trade_no")]
    [InlineData("total_fee")]
    [InlineData("spbill_create_ip")]
    [InlineData("notify_url")]
    [InlineData("trade_type")]
    [InlineData("product_id")]
    [InlineData("nonce_str")]
    [InlineData("appid")]
    public async Task UnifiedOrder_Rejects_MissingField(string field)
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-5");
        fields.Remove(field);

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("LACK_PARAMS", reply["return_msg"]);
        Assert.Contains(field, reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Jsapi_RequiresOpenId()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-6");
        fields["trade_type"] = "JSAPI";

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Contains("LACK_PARAMS", reply["return_msg"]);
        Assert.Contains("openid", reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_UnknownMerchant()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-7");
        fields["mch_id"] = "1234567890";

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("MCHID_NOT_EXIST", reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_AppIdOfAnotherMerchant()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-8");
        fields["appid"] = SandboxHost.OtherAppId;

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("APPID_MCHID_NOT_MATCH", reply["return_msg"]);
    }

    [Theory]
    [InlineData("sign_type", "SHA1")]
    [InlineData("total_fee", "0")]
    [InlineData("total_fee", "-1")]
    [InlineData("total_fee", "12.34")]
    [InlineData("notify_url", "http://example.test/notify?order=1")]
    [InlineData("notify_url", "/relative/notify")]
    [InlineData("trade_type", "CARD")]
    [InlineData("time_expire", "2025-01-01 10:00:00")]
    [InlineData("out_trade_no", "has space")]
    [InlineData("spbill_create_ip", "not-an-ip")]
    public async Task UnifiedOrder_Rejects_InvalidField(string field, string value)
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-9");
        fields[field] = value;

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("INVALID_REQUEST", reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Reentry_SameTerms_ReturnsSameCodeUrl()
    {
        await using var host = await SandboxHost.StartAsync();

        var first = await host.CallAsync("unifiedorder", host.NativeOrder("UO-10"));
        var again = await host.CallAsync("unifiedorder", host.NativeOrder("UO-10"));

        Assert.Equal("SUCCESS", again["result_code"]);
        Assert.Equal(first["code_url"], again["code_url"]);
        Assert.Equal(first["prepay_id"], again["prepay_id"]);
    }

    [Fact]
    public async Task UnifiedOrder_Reentry_AfterCodeLifetime_IssuesNewCodeUrl()
    {
        await using var host = await SandboxHost.StartAsync();

        var first = await host.CallAsync("unifiedorder", host.NativeOrder("UO-11"));
        host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var again = await host.CallAsync("unifiedorder", host.NativeOrder("UO-11"));

        Assert.Equal("SUCCESS", again["result_code"]);
        Assert.NotEqual(first["code_url"], again["code_url"]);
    }

    [Theory]
    [InlineData("total_fee", "1")]
    [InlineData("body", "another body")]
    [InlineData("attach", "another attach")]
    [InlineData("product_id", "sku-2")]
    [InlineData("notify_url", "http://127.0.0.1:1/elsewhere")]
    [InlineData("device_info", "WEB")]
    public async Task UnifiedOrder_Reentry_ChangedTerms_IsInvalidRequest(string field, string value)
    {
        await using var host = await SandboxHost.StartAsync();
        await host.CallAsync("unifiedorder", host.NativeOrder("UO-12"));
        var changed = host.NativeOrder("UO-12");
        changed[field] = value;

        var reply = await host.CallAsync("unifiedorder", changed);

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("INVALID_REQUEST", reply["err_code"]);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Fact]
    public async Task UnifiedOrder_HmacSha256_SignsReplyWithHmac()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("UO-13");
        fields["sign_type"] = IndependentSigner.HmacSha256;

        var reply = await host.CallAsync("unifiedorder", fields, signType: IndependentSigner.HmacSha256);

        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.Equal(64, reply["sign"].Length);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.HmacSha256));
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_GetMethod()
    {
        await using var host = await SandboxHost.StartAsync();

        var text = await host.Http.GetStringAsync("/sandbox/wechatpay/pay/unifiedorder");

        var reply = XmlMessage.Parse(text);
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("REQUIRE_POST_METHOD", reply["return_msg"]);
    }

    [Theory]
    [InlineData("", "POST_DATA_EMPTY")]
    [InlineData("<xml><appid>wx", "XML_FORMAT_ERROR")]
    [InlineData("appid=wx&mch_id=1", "XML_FORMAT_ERROR")]
    [InlineData("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><appid>&e;</appid></xml>", "XML_FORMAT_ERROR")]
    public async Task UnifiedOrder_Rejects_UnreadableBody(string body, string code)
    {
        await using var host = await SandboxHost.StartAsync();
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");

        using var response = await host.Http.PostAsync("/sandbox/wechatpay/pay/unifiedorder", content);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reply = XmlMessage.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains(code, reply["return_msg"]);
    }

    [Fact]
    public async Task UnifiedOrder_Rejects_BodyThatMakesSystemXmlThrow_AsNotUtf8()
    {
        // Found by fuzz/: System.Xml throws ArgumentOutOfRangeException on this declaration. Its 0xB4 byte is not
        // UTF-8, so the sandbox now refuses it before parsing, as WeChat does (NOT_UTF8).
        await using var host = await SandboxHost.StartAsync();
        using var content = new ByteArrayContent(Convert.FromBase64String("PD94bWwgdmVyc2lvbj0iMS4wtCI/Pg=="));

        using var response = await host.Http.PostAsync("/sandbox/wechatpay/pay/unifiedorder", content);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reply = XmlMessage.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("NOT_UTF8", reply["return_msg"]);
    }
}
