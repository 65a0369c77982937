using System.Net;
using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

/// <summary>The sandbox is no more lenient than WeChat: each test is a leniency it used to have (issue 17).</summary>
public sealed class StrictnessTests
{
    [Theory]
    [InlineData(IndependentSigner.Md5)]
    [InlineData(IndependentSigner.HmacSha256)]
    public async Task LowerCaseSign_IsSignError(string signType)
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("ST-LC-" + signType[..3]);
        fields["sign_type"] = signType;
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, signType).ToLowerInvariant();

        var reply = await host.PostXmlAsync("unifiedorder", XmlMessage.Write(fields));

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Equal("签名错误", reply["return_msg"]);
        Assert.Contains("not found", (await host.GetOrderStatusAsync(fields["out_trade_no"])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("appid")]
    [InlineData("sign_type")]
    public async Task Reentry_WithChangedAppIdOrSignType_IsInvalidRequest(string field)
    {
        await using var host = await SandboxHost.StartAsync();
        var first = await host.CallAsync("unifiedorder", host.NativeOrder("ST-RE-1"));
        var changed = host.NativeOrder("ST-RE-1");
        var signType = IndependentSigner.Md5;
        if (field == "appid")
        {
            changed["appid"] = SandboxHost.SecondAppId;
        }
        else
        {
            changed["sign_type"] = signType = IndependentSigner.HmacSha256;
        }

        var reply = await host.CallAsync("unifiedorder", changed, signType: signType);

        Assert.Equal("SUCCESS", first["result_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("INVALID_REQUEST", reply["err_code"]);
        Assert.False(reply.ContainsKey("prepay_id"));
    }

    [Fact]
    public async Task Reentry_WithChangedOpenId_IsInvalidRequest_AndSameTermsKeepPrepayId()
    {
        await using var host = await SandboxHost.StartAsync();
        var alice = await host.IssueOpenIdAsync(user: null);
        var bob = await host.IssueOpenIdAsync(user: "oBobOfThisApp0000000000000000");

        var first = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-RE-2", alice));
        var same = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-RE-2", alice));
        var other = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-RE-2", bob));

        Assert.Equal(first["prepay_id"], same["prepay_id"]);
        Assert.Equal("INVALID_REQUEST", other["err_code"]);
    }

    [Fact]
    public async Task Jsapi_WithOpenIdNeverIssued_IsParamError()
    {
        await using var host = await SandboxHost.StartAsync();

        var reply = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-OID-1", "oMadeUpByTheClient0000000000"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("PARAM_ERROR", reply["err_code"]);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Fact]
    public async Task Jsapi_WithOpenIdOfAnotherApp_IsParamError_AndOwnAppSucceeds()
    {
        await using var host = await SandboxHost.StartAsync();
        var foreign = await host.IssueOpenIdAsync(SandboxHost.OtherAppId);
        var own = await host.IssueOpenIdAsync(SandboxHost.AppId);

        var refused = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-OID-2", foreign));
        var placed = await host.CallAsync("unifiedorder", host.JsapiOrder("ST-OID-3", own));

        Assert.NotEqual(foreign, own);
        Assert.Equal("PARAM_ERROR", refused["err_code"]);
        Assert.Equal("SUCCESS", placed["result_code"]);
    }

    [Theory]
    [InlineData("APP")]
    [InlineData("MWEB")]
    public async Task AppAndMweb_WithoutTheProduct_AreNoAuth(string tradeType)
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("ST-TT-" + tradeType);
        fields["trade_type"] = tradeType;
        fields["scene_info"] = """{"h5_info":{"type":"Wap","wap_url":"https://shop.example.test","wap_name":"shop"}}""";

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("NOAUTH", reply["err_code"]);
    }

    [Fact]
    public async Task App_WhenActivated_AnswersPrepayIdOnly()
    {
        await using var host = await SandboxHost.StartAsync(Products("APP"));
        var fields = host.NativeOrder("ST-APP-1");
        fields["trade_type"] = "APP";

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.Equal("APP", reply["trade_type"]);
        Assert.False(reply.ContainsKey("code_url"));
        Assert.False(reply.ContainsKey("mweb_url"));
    }

    [Theory]
    [InlineData(null, "LACK_PARAMS")]
    [InlineData("not json", "INVALID_REQUEST")]
    [InlineData("""{"store_info":{"id":"1"}}""", "INVALID_REQUEST")]
    public async Task Mweb_WithoutH5SceneInfo_IsRefused(string? sceneInfo, string code)
    {
        await using var host = await SandboxHost.StartAsync(Products("MWEB"));
        var fields = host.NativeOrder("ST-MWEB-1");
        fields["trade_type"] = "MWEB";
        if (sceneInfo is not null)
        {
            fields["scene_info"] = sceneInfo;
        }

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains(code, reply["return_msg"]);
        Assert.Contains("scene_info", reply["return_msg"]);
    }

    [Fact]
    public async Task Mweb_WithH5SceneInfo_AnswersMwebUrl()
    {
        await using var host = await SandboxHost.StartAsync(Products("MWEB"));
        var fields = host.NativeOrder("ST-MWEB-2");
        fields["trade_type"] = "MWEB";
        fields["scene_info"] = """{"h5_info":{"type":"Wap","wap_url":"https://shop.example.test","wap_name":"shop"}}""";

        var reply = await host.CallAsync("unifiedorder", fields);

        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + reply["prepay_id"] + "&package=", reply["mweb_url"]);
        Assert.False(reply.ContainsKey("code_url"));
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Theory]
    [InlineData("POST", "pay/micropay")]
    [InlineData("POST", "pay/reverse")]
    [InlineData("GET", "tools/shorturl")]
    public async Task UnmodelledApi_AnswersWeChatXmlError(string method, string path)
    {
        await using var host = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/sandbox/wechatpay/{path}")
        {
            Content = new StringContent(XmlMessage.Write(host.Query("ST-UN-1")), Encoding.UTF8, "text/xml"),
        };

        using var response = await host.Http.SendAsync(request);
        var reply = XmlMessage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("NOAUTH", reply["return_msg"]);
        Assert.False(reply.ContainsKey("sign"));
    }

    [Fact]
    public async Task GbkBody_IsNotUtf8()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("ST-GBK-1");
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);
        // "Sandbox test 商品" with 商品 in GBK (C9 CC C6 B7): not valid UTF-8.
        var xml = Encoding.UTF8.GetBytes(XmlMessage.Write(fields));
        var body = Replace(xml, Encoding.UTF8.GetBytes("商品"), [0xC9, 0xCC, 0xC6, 0xB7]);

        var reply = await PostBytesAsync(host, body);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("NOT_UTF8", reply["return_msg"]);
    }

    [Fact]
    public async Task GbkDeclaration_IsNotUtf8()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("ST-GBK-2");
        fields["body"] = "ascii only";
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);

        var reply = await PostBytesAsync(host, Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?>" + XmlMessage.Write(fields)));

        Assert.Contains("NOT_UTF8", reply["return_msg"]);
    }

    private static Dictionary<string, string?> Products(string tradeType) => new()
    {
        ["Sandbox:WeChatPay:Merchants:0:TradeTypes:0"] = "NATIVE",
        ["Sandbox:WeChatPay:Merchants:0:TradeTypes:1"] = tradeType,
    };

    private static async Task<Dictionary<string, string>> PostBytesAsync(SandboxHost host, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        using var response = await host.Http.PostAsync("/sandbox/wechatpay/pay/unifiedorder", content);
        return XmlMessage.Parse(await response.Content.ReadAsStringAsync());
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] with)
    {
        var at = source.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        return [.. source[..at], .. with, .. source[(at + find.Length)..]];
    }
}
