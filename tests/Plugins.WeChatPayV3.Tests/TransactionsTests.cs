using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatPayV3.Tests;

public sealed class TransactionsTests
{
    private readonly PluginHarness _harness = new();

    [Fact]
    public async Task Native_SendsASignedRequest_WithTheOrderFields_AndAnswersTheQrCode()
    {
        _harness.Server.Reply(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}");

        var result = await _harness.Instance.CreateAsync(_harness.Payment(), default);

        Assert.Equal("weixin://wxpay/bizpayurl?pr=p4lpSuKzz", result.Value!.Action.CodeUrl);
        var (request, body) = _harness.Server.Requests.Single();
        Assert.Equal("https://api.wx.test/v3/pay/transactions/native", request.RequestUri!.ToString());
        AssertSignedByMerchant(request, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(PluginHarness.AppId, json.Str("appid"));
        Assert.Equal(PluginHarness.MchId, json.Str("mchid"));
        Assert.Equal("pay_01HV3TESTPAYMENT0000000001", json.Str("out_trade_no"));
        Assert.Equal(PluginHarness.NotifyUrl.ToString(), json.Str("notify_url"));
        Assert.Equal("1200", json["amount"]!.Str("total"));
        Assert.Equal("2026-11-29T20:00:00+08:00", json.Str("time_expire"));
        Assert.Null(json["payer"]);
    }

    [Fact]
    public async Task H5_SendsTheSceneInfo_AndAnswersARedirect()
    {
        _harness.Server.Reply(200, "{\"h5_url\":\"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1\"}");

        var result = await _harness.Instance.CreateAsync(_harness.Payment("wechat.h5"), default);

        Assert.Equal(PaymentActionTypes.Redirect, result.Value!.Action.Type);
        Assert.Equal("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1", result.Value.Action.Url);
        var scene = JsonNode.Parse(_harness.Server.Requests.Single().Body)!["scene_info"]!;
        Assert.Equal("203.0.113.7", scene.Str("payer_client_ip"));
        Assert.Equal("Wap", scene["h5_info"]!.Str("type"));
    }

    [Fact]
    public async Task Jsapi_WithoutAnOpenId_IsInvalid_AndCallsNothing()
    {
        var result = await _harness.Instance.CreateAsync(_harness.Payment("wechat.jsapi"), default);

        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal("MISSING_OPENID", result.Error.Code);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task AnUnsignedReply_IsNotBelieved()
    {
        _harness.Server.Reply(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=forged\"}", sign: false);

        var result = await _harness.Instance.CreateAsync(_harness.Payment(), default);

        Assert.Equal(ProviderErrorKind.Transient, result.Error!.Kind);
        Assert.Equal("INVALID_REPLY_SIGNATURE", result.Error.Code);
    }

    [Theory]
    [InlineData(500, "SYSTEM_ERROR", ProviderErrorKind.Transient)]
    [InlineData(429, "FREQUENCY_LIMITED", ProviderErrorKind.Transient)]
    [InlineData(403, "OUT_TRADE_NO_USED", ProviderErrorKind.Rejected)]
    [InlineData(400, "PARAM_ERROR", ProviderErrorKind.Rejected)]
    public async Task ErrorReplies_KeepTheirCode(int status, string code, ProviderErrorKind kind)
    {
        _harness.Server.Reply(status, $"{{\"code\":\"{code}\",\"message\":\"m\"}}");

        var result = await _harness.Instance.CreateAsync(_harness.Payment(), default);

        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(kind, result.Error.Kind);
    }

    [Fact]
    public async Task Query_MapsTheTransaction_AndOrderNotExistIsARefusal()
    {
        _harness.Server.Reply(200, "{\"out_trade_no\":\"pay_1\",\"transaction_id\":\"4200\",\"trade_state\":\"SUCCESS\",\"success_time\":\"2026-11-29T18:00:00+08:00\",\"amount\":{\"total\":1200,\"currency\":\"CNY\"}}");
        _harness.Server.Reply(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}");

        var paid = await _harness.Instance.QueryAsync(new PaymentQuery("pay_1"), default);
        var missing = await _harness.Instance.QueryAsync(new PaymentQuery("pay_2"), default);

        Assert.Equal(PaymentStatus.Succeeded, paid.Value!.Status);
        Assert.Equal(1200, paid.Value.PaidAmount);
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), paid.Value.PaidAt);
        Assert.Equal("https://api.wx.test/v3/pay/transactions/out-trade-no/pay_1?mchid=1900000109", _harness.Server.Requests[0].Request.RequestUri!.ToString());
        Assert.Equal(ProviderErrorKind.Rejected, missing.Error!.Kind);
        Assert.Equal("ORDER_NOT_EXIST", missing.Error.Code);
    }

    [Fact]
    public async Task Close_204AndOrderClosedAreClosed_OtherRefusalsAreNot()
    {
        _harness.Server.Reply(204, "");
        _harness.Server.Reply(400, "{\"code\":\"ORDER_CLOSED\",\"message\":\"订单已关闭\"}");
        _harness.Server.Reply(403, "{\"code\":\"TRADE_ERROR\",\"message\":\"订单已支付\"}");

        Assert.True((await _harness.Instance.CloseAsync(new PaymentQuery("pay_1"), default)).Succeeded);
        Assert.True((await _harness.Instance.CloseAsync(new PaymentQuery("pay_1"), default)).Succeeded);
        Assert.Equal("TRADE_ERROR", (await _harness.Instance.CloseAsync(new PaymentQuery("pay_1"), default)).Error!.Code);
        Assert.Equal("{\"mchid\":\"1900000109\"}", _harness.Server.Requests[0].Body);
    }

    // Checked here with the merchant's public key, independently of the plugin's signer.
    internal static void AssertSignedByMerchant(HttpRequestMessage request, string body)
    {
        var value = request.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("WECHATPAY2-SHA256-RSA2048 ", value, StringComparison.Ordinal);
        var pairs = value["WECHATPAY2-SHA256-RSA2048 ".Length..].Split(',')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
        Assert.Equal(PluginHarness.MchId, pairs["mchid"]);
        Assert.Equal(PluginHarness.Serial, pairs["serial_no"]);
        var message = $"{request.Method}\n{request.RequestUri!.PathAndQuery}\n{pairs["timestamp"]}\n{pairs["nonce_str"]}\n{body}\n";
        Assert.True(PluginHarness.MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(pairs["signature"]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}

internal static class JsonExtensions
{
    public static string Str(this JsonNode node, string name) => node[name]?.ToString() ?? throw new InvalidOperationException($"No '{name}'.");
}
