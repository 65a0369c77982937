using System.Net;
using System.Security.Cryptography;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// The v3 sandbox's refunds answer as WeChat does: the signature first (401 SIGN_ERROR), the fields (400 PARAM_ERROR),
/// the amounts against what was paid and already refunded (400 INVALID_REQUEST), unknown orders and refunds (404
/// RESOURCE_NOT_EXISTS); a repeated out_refund_no with the same amounts is the same refund.
/// </summary>
public sealed class SandboxV3RefundTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    [Fact]
    public async Task Refunds_MayNotExceedWhatWasPaid_CountingEarlierRefunds()
    {
        using var client = Client();
        await PaidAsync(client, "v3-sbx-refund-1", 100);

        var first = await client.CreateRefundAsync(Refund("v3-sbx-refund-1", "v3-sbx-r-1a", 60, 100), default);
        var over = await client.CreateRefundAsync(Refund("v3-sbx-refund-1", "v3-sbx-r-1b", 50, 100), default);
        var rest = await client.CreateRefundAsync(Refund("v3-sbx-refund-1", "v3-sbx-r-1c", 40, 100), default);

        Assert.Equal(("PROCESSING", 60L, 100L), (first.Value!.Status, first.Value.Amount!.Refund, first.Value.Amount.Total));
        Assert.StartsWith("5000", first.Value.RefundId, StringComparison.Ordinal);
        Assert.Equal((400, "INVALID_REQUEST"), (over.StatusCode, over.Error!.Code));
        Assert.Equal(200, rest.StatusCode);
    }

    [Fact]
    public async Task TheSameOutRefundNo_IsTheSameRefund_OrRefusedWithOtherAmounts()
    {
        using var client = Client();
        await PaidAsync(client, "v3-sbx-refund-2", 100);

        var first = await client.CreateRefundAsync(Refund("v3-sbx-refund-2", "v3-sbx-r-2", 10, 100), default);
        var again = await client.CreateRefundAsync(Refund("v3-sbx-refund-2", "v3-sbx-r-2", 10, 100), default);
        var changed = await client.CreateRefundAsync(Refund("v3-sbx-refund-2", "v3-sbx-r-2", 11, 100), default);
        var wrongTotal = await client.CreateRefundAsync(Refund("v3-sbx-refund-2", "v3-sbx-r-2x", 10, 99), default);

        Assert.Equal(first.Value!.RefundId, again.Value!.RefundId);
        Assert.Equal((400, "INVALID_REQUEST"), (changed.StatusCode, changed.Error!.Code));
        Assert.Equal((400, "INVALID_REQUEST"), (wrongTotal.StatusCode, wrongTotal.Error!.Code));
        var queried = await client.QueryRefundByOutRefundNoAsync("v3-sbx-r-2", default);
        Assert.Equal((first.Value.RefundId, "v3-sbx-refund-2", 10L), (queried.Value!.RefundId, queried.Value.OutTradeNo, queried.Value.Amount!.Refund));
    }

    [Fact]
    public async Task UnknownOrdersAndRefunds_Are404ResourceNotExists_BadFieldsParamError_ForeignKeysSignError()
    {
        using var client = Client();
        using var stranger = RSA.Create(2048);
        using var forger = Client(stranger.ExportPkcs8PrivateKeyPem());

        var noOrder = await client.CreateRefundAsync(Refund("v3-sbx-none", "v3-sbx-r-3", 1, 1), default);
        var noRefund = await client.QueryRefundByOutRefundNoAsync("v3-sbx-r-none", default);
        var badNo = await client.CreateRefundAsync(Refund("v3-sbx-none", "v3 sbx#3", 1, 1), default);
        var forged = await forger.CreateRefundAsync(Refund("v3-sbx-none", "v3-sbx-r-3", 1, 1), default);

        Assert.Equal((404, "RESOURCE_NOT_EXISTS"), (noOrder.StatusCode, noOrder.Error!.Code));
        Assert.Equal((404, "RESOURCE_NOT_EXISTS"), (noRefund.StatusCode, noRefund.Error!.Code));
        Assert.Equal((400, "PARAM_ERROR"), (badNo.StatusCode, badNo.Error!.Code));
        Assert.Equal((401, "SIGN_ERROR"), (forged.StatusCode, forged.Error!.Code));
    }

    private async Task PaidAsync(WeChatPayV3Client client, string outTradeNo, long total)
    {
        var placed = await client.TransactionsNativeAsync(new PrepayRequest
        {
            AppId = V3GatewayFactory.JsapiAppId,
            MchId = V3GatewayFactory.MchId,
            Description = "sandbox refund tea",
            OutTradeNo = outTradeNo,
            NotifyUrl = $"{gateway.BaseUrl}/notify/wx3-sandbox",
            Amount = new PrepayAmount(total),
        }, default);
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(gateway.Browser(), placed.Value!.CodeUrl!)).StatusCode);
    }

    private static RefundRequest Refund(string outTradeNo, string outRefundNo, long refund, long total) => new()
    {
        OutTradeNo = outTradeNo,
        OutRefundNo = outRefundNo,
        Amount = new RefundRequestAmount(refund, total),
    };

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
}
