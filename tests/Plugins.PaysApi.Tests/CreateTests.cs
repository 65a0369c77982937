using System.Net;
using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.PaysApi.Tests;

public sealed class CreateTests
{
    [Fact]
    public async Task FormPost_ReturnsSignedFields_ForTheBaseUrl_WithoutCallingPaysApi()
    {
        var harness = new PluginHarness("FormPost");
        var result = await harness.ProviderInstance.CreateAsync(PluginHarness.Request(amount: 1234), default);

        var action = Assert.IsType<CreatePaymentResult>(result.Value).Action;
        Assert.Equal(PaymentActionTypes.FormPost, action.Type);
        Assert.Equal("https://pay.example.test/", action.Url);
        Assert.Equal("12.34", action.Parameters!["price"]);
        Assert.Equal(PluginHarness.Uid, action.Parameters["uid"]);
        Assert.Equal(32, action.Parameters["key"].Length);
        Assert.DoesNotContain(action.Parameters.Values, v => v.Contains(PluginHarness.Token, StringComparison.Ordinal));
        Assert.Null(harness.Server.LastUri);
    }

    [Fact]
    public async Task Json_Success_ReturnsQrCode()
    {
        var harness = new PluginHarness("Json");
        harness.Server.Body = """{"msg":"付款即时到账 未到账可联系我们","data":{"qrcode":"HTTPS://QR.ALIPAY.COM/FKX0ABC","istype":"1","realprice":0.05},"code":1,"url":"https://www.paysapi.com/"}""";

        var result = await harness.ProviderInstance.CreateAsync(PluginHarness.Request(amount: 5), default);

        Assert.True(result.Succeeded);
        Assert.Equal(PaymentAction.QrCode("HTTPS://QR.ALIPAY.COM/FKX0ABC"), result.Value!.Action);
        Assert.Equal("https://pay.example.test/?format=json", harness.Server.LastUri!.AbsoluteUri);
        Assert.Equal("0.05", harness.Server.LastForm["price"]);
        Assert.False(harness.Server.LastForm.ContainsKey("token"));
        Assert.DoesNotContain(harness.Server.LastForm.Values, v => v.Contains(PluginHarness.Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"msg":"key错误","data":null,"code":-2,"url":""}""", "-2", "key错误")]
    [InlineData("""{"msg":"uid不存在","code":"0"}""", "0", "uid不存在")]
    public async Task Json_CodeOtherThanOne_IsRejected_KeepingCodeAndMsg(string body, string code, string msg)
    {
        var harness = new PluginHarness("Json");
        harness.Server.Body = body;
        var error = (await harness.ProviderInstance.CreateAsync(PluginHarness.Request(), default)).Error!;
        Assert.Equal(new ProviderError(ProviderErrorKind.Rejected, code, msg), error);
    }

    [Fact]
    public async Task Json_ServerError_IsTransient()
    {
        var harness = new PluginHarness("Json");
        harness.Server.Status = HttpStatusCode.BadGateway;
        Assert.Equal(ProviderErrorKind.Transient, (await harness.ProviderInstance.CreateAsync(PluginHarness.Request(), default)).Error!.Kind);
    }

    [Theory]
    [InlineData("<html>error</html>")]
    [InlineData("""{"code":1,"data":{}}""")]
    public async Task Json_UnreadableOrIncompleteAnswer_IsTransient(string body)
    {
        var harness = new PluginHarness("Json");
        harness.Server.Body = body;
        var error = (await harness.ProviderInstance.CreateAsync(PluginHarness.Request(), default)).Error!;
        Assert.Equal(("INVALID_RESPONSE", ProviderErrorKind.Transient), (error.Code, error.Kind));
    }

    [Fact]
    public async Task Json_AnswerWithUnknownCharset_IsTransient()
    {
        var harness = new PluginHarness("Json");
        harness.Server.Body = """{"code":1,"data":{"qrcode":"https://qr.example/x"}}""";
        harness.Server.ContentType = "application/json; charset=no-such-charset";
        var error = (await harness.ProviderInstance.CreateAsync(PluginHarness.Request(), default)).Error!;
        Assert.Equal(("INVALID_RESPONSE", ProviderErrorKind.Transient), (error.Code, error.Kind));
    }

    [Theory]
    [InlineData("wechat.native", "CNY", 1, "UNSUPPORTED_CHANNEL")]
    [InlineData("paysapi.alipay", "USD", 1, "UNSUPPORTED_CURRENCY")]
    [InlineData("paysapi.wechat", "CNY", 0, "INVALID_AMOUNT")]
    public void Validate_RefusesWhatPaysApiCannotTake(string channel, string currency, long amount, string code)
    {
        var request = PluginHarness.Request(channel, amount) with { Currency = currency };
        Assert.Equal(code, new PluginHarness().ProviderInstance.Validate(request)?.Code);
    }

    [Fact]
    public async Task Query_IsNotSupported_AndClose_IsLocal()
    {
        var instance = new PluginHarness().ProviderInstance;
        Assert.Equal(ProviderErrorKind.NotSupported, (await instance.QueryAsync(new PaymentQuery("pay_1"), default)).Error!.Kind);
        Assert.Equal(new CloseResult("LOCAL"), (await instance.CloseAsync(new PaymentQuery("pay_1"), default)).Value);
    }
}
