using Gateway.Abstractions.Payments;
using Gateway.Plugins.WeChat.Testing;

namespace Gateway.Plugins.WeChatJsapi.Tests;

public sealed class PaymentTests
{
    private static CreatePaymentRequest Request(string? openId = "oUpF8uMEb4qRXf22hE3X68TekukE") => new()
    {
        PaymentId = "pay_01HX", Channel = "wechat.jsapi", MerchantOrderId = "o-9", Amount = 2500, Currency = "CNY",
        Description = "Tea", ClientIp = "203.0.113.9", PayerOpenId = openId,
        CreatedAt = JsapiHarness.Now, ExpiresAt = JsapiHarness.Now.AddMinutes(30),
    };

    [Theory]
    [InlineData("MD5")]
    [InlineData("HMAC-SHA256")]
    public async Task Create_PlacesJsapiOrder_AndAnswersIndependentlyVerifiedParams(string signType)
    {
        var harness = new JsapiHarness(signType);
        harness.Pay.Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["trade_type"] = "JSAPI", ["prepay_id"] = "wx201410272009395522657a690389285100" };

        var result = await harness.Instance.CreateAsync(Request(), default);

        var sent = Assert.Single(harness.Pay.Requests).Fields;
        Assert.Equal("JSAPI", sent["trade_type"]);
        Assert.Equal("oUpF8uMEb4qRXf22hE3X68TekukE", sent["openid"]);
        Assert.Equal(JsapiHarness.AppId, sent["appid"]);
        Assert.Equal("wx201410272009395522657a690389285100", result.Value!.ProviderReference);
        var action = result.Value.Action;
        Assert.Equal(PaymentActionTypes.Jsapi, action.Type);
        var p = action.Parameters!;
        Assert.Equal(["appId", "nonceStr", "package", "paySign", "signType", "timeStamp"], p.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(JsapiHarness.AppId, p["appId"]);
        Assert.Equal("prepay_id=wx201410272009395522657a690389285100", p["package"]);
        Assert.Equal(signType, p["signType"]);
        Assert.Equal(JsapiHarness.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), p["timeStamp"]);
        Assert.Equal(IndependentPaySign.Compute(p["appId"], p["nonceStr"], p["package"], p["signType"], p["timeStamp"], JsapiHarness.ApiKey), p["paySign"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task MissingOpenId_IsInvalidRequest_FromValidate_WithoutCallingWeChat(string? openId)
    {
        var harness = new JsapiHarness();
        var error = harness.Instance.Validate(Request(openId));
        Assert.Equal(ProviderErrorKind.InvalidRequest, error!.Kind);
        Assert.Equal("MISSING_OPENID", error.Code);
        Assert.Equal("MISSING_OPENID", (await harness.Instance.CreateAsync(Request(openId), default)).Error!.Code);
        Assert.Empty(harness.Pay.Requests);
    }

    [Fact]
    public async Task Query_And_Close_AreTheSharedWeChatPayOnes()
    {
        var harness = new JsapiHarness();
        harness.Pay.Reply = (path, _) => path == "/pay/orderquery"
            ? new() { ["result_code"] = "SUCCESS", ["trade_state"] = "SUCCESS", ["total_fee"] = "2500", ["transaction_id"] = "42" }
            : new() { ["result_code"] = "SUCCESS" };
        Assert.Equal(PaymentStatus.Succeeded, (await harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default)).Value!.Status);
        Assert.Equal("CLOSED", (await harness.Instance.CloseAsync(new PaymentQuery("pay_01HX"), default)).Value!.ProviderState);
    }
}
