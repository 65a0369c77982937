using System.Security.Cryptography;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// The v3 sandbox is as strict as WeChat: it verifies the merchant's request signature (401 SIGN_ERROR), checks
/// fields (400 PARAM_ERROR), and answers ORDER_NOT_EXIST (404) and ORDER_CLOSED (400); every reply is signed
/// (the client refuses unsigned ones).
/// </summary>
public sealed class SandboxV3Tests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    [Fact]
    public async Task ARequestSignedWithAnotherKey_Is401SignError()
    {
        using var stranger = RSA.Create(2048);
        using var client = Client(stranger.ExportPkcs8PrivateKeyPem());

        var reply = await client.QueryByOutTradeNoAsync("v3-sandbox-none", default);

        Assert.Equal(401, reply.StatusCode);
        Assert.Equal("SIGN_ERROR", reply.Error!.Code);
    }

    [Fact]
    public async Task AnUnknownOrder_Is404OrderNotExist()
    {
        using var client = Client();

        var reply = await client.QueryByOutTradeNoAsync("v3-sandbox-none", default);

        Assert.Equal(404, reply.StatusCode);
        Assert.Equal("ORDER_NOT_EXIST", reply.Error!.Code);
    }

    [Fact]
    public async Task AnH5OrderWithoutSceneInfo_Is400ParamError()
    {
        using var client = Client();

        var reply = await client.TransactionsH5Async(Order("v3-sandbox-h5"), default);

        Assert.Equal(400, reply.StatusCode);
        Assert.Equal("PARAM_ERROR", reply.Error!.Code);
    }

    [Fact]
    public async Task AClosedOrder_Closes204_ThenRefusesPrepayWithOrderClosed_AndQueriesClosed()
    {
        using var client = Client();
        var placed = await client.TransactionsNativeAsync(Order("v3-sandbox-close"), default);
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", placed.Value!.CodeUrl, StringComparison.Ordinal);

        var closed = await client.CloseOrderAsync("v3-sandbox-close", default);
        Assert.Equal(204, closed.StatusCode);

        var again = await client.TransactionsNativeAsync(Order("v3-sandbox-close"), default);
        Assert.Equal(400, again.StatusCode);
        Assert.Equal("ORDER_CLOSED", again.Error!.Code);
        Assert.Equal("CLOSED", (await client.QueryByOutTradeNoAsync("v3-sandbox-close", default)).Value!.TradeState);
    }

    [Fact]
    public async Task AnAppIdNotBoundToTheMerchant_Is400AppIdMchIdNotMatch()
    {
        using var client = Client();

        var reply = await client.TransactionsNativeAsync(Order("v3-sandbox-appid") with { AppId = "wx0000000000000000" }, default);

        Assert.Equal(400, reply.StatusCode);
        Assert.Equal("APPID_MCHID_NOT_MATCH", reply.Error!.Code);
    }

    private WeChatPayV3Client Client(string? privateKey = null) => new(new HttpClient(), new WeChatPayV3Options
    {
        MchId = V3GatewayFactory.MchId,
        MerchantSerialNo = V3GatewayFactory.MerchantSerialNo,
        MerchantPrivateKey = privateKey ?? V3GatewayFactory.MerchantKey.ExportPkcs8PrivateKeyPem(),
        ApiV3Key = V3GatewayFactory.ApiV3Key,
        PublicKeyId = V3GatewayFactory.PublicKeyId,
        PublicKey = V3GatewayFactory.PlatformKey.ExportSubjectPublicKeyInfoPem(),
        BaseUrl = $"{gateway.BaseUrl}/sandbox/wechatpay",
    }, TimeProvider.System);

    private PrepayRequest Order(string outTradeNo) => new()
    {
        AppId = V3GatewayFactory.JsapiAppId,
        MchId = V3GatewayFactory.MchId,
        Description = "sandbox tea",
        OutTradeNo = outTradeNo,
        NotifyUrl = $"{gateway.BaseUrl}/notify/wx3-sandbox",
        Amount = new PrepayAmount(100),
    };
}
