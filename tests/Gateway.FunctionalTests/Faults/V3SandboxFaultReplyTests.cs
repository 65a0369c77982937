using System.Net;
using System.Net.Http.Json;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.WeChatPayV3;
using Gateway.Store;
using Gateway.WeChatPayV3;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Faults;

/// <summary>
/// The v3 sandbox's own side of a fault, seen by a v3 client that verifies every reply's signature (it throws on an
/// unsigned or forged one): error codes with WeChat's HTTP statuses, an edge 5xx, a failed payment without a notify.
/// </summary>
public sealed class V3SandboxFaultReplyTests(V3FaultGatewayFactory gateway) : IClassFixture<V3FaultGatewayFactory>
{
    [Theory]
    [InlineData("SYSTEM_ERROR", 500, "SYSTEM_ERROR")]
    [InlineData(null, 500, "SYSTEM_ERROR")]
    [InlineData("FREQUENCY_LIMITED", 429, "FREQUENCY_LIMITED")]
    [InlineData("NOTENOUGH", 403, "NOT_ENOUGH")]
    [InlineData("NO_AUTH", 403, "NO_AUTH")]
    public async Task ErrorFault_AnswersTheV3Code_WithItsHttpStatus_Signed_Once(string? errCode, int status, string code)
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchDirect, kind = "error", errCode, api = "orderquery", count = 1 });
        using var client = SandboxClient();

        var faulted = await client.QueryByOutTradeNoAsync("v3-fault-none", default);
        var after = await client.QueryByOutTradeNoAsync("v3-fault-none", default);

        Assert.Equal((status, code), (faulted.StatusCode, faulted.Error!.Code));
        Assert.Equal((404, "ORDER_NOT_EXIST"), (after.StatusCode, after.Error!.Code));
    }

    [Fact]
    public async Task ApiFault_HitsOnlyTheOperationItNames_HereTheV3RefundQuery()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchDirect, kind = "error", errCode = "FREQUENCY_LIMITED", api = "refundquery", count = 1 });
        using var client = SandboxClient();

        var order = await client.QueryByOutTradeNoAsync("v3-fault-none", default);
        var faulted = await client.QueryRefundByOutRefundNoAsync("v3-fault-refund-none", default);
        var after = await client.QueryRefundByOutRefundNoAsync("v3-fault-refund-none", default);

        Assert.Equal(404, order.StatusCode);
        Assert.Equal((429, "FREQUENCY_LIMITED"), (faulted.StatusCode, faulted.Error!.Code));
        Assert.Equal(404, after.StatusCode);
    }

    [Fact]
    public async Task HttpErrorFault_IsAnUnsignedEdgePage_WhichTheClientRefusesToTrust()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchDirect, kind = "http_error", status = 502, api = "*", count = 1 });
        using var client = SandboxClient();

        var refused = await Assert.ThrowsAsync<WeChatPayV3ReplyException>(() => client.QueryByOutTradeNoAsync("v3-fault-none", default));

        Assert.Equal(WeChatPayV3ReplyException.InvalidSignature, refused.Code);
        Assert.Equal(404, (await client.QueryByOutTradeNoAsync("v3-fault-none", default)).StatusCode);
    }

    [Fact]
    public async Task PayFail_SendsNoV3Notify_SyncRecordsPayError_AndThePaymentStaysPending()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchNotify, kind = "pay_fail", count = 1 });
        var api = gateway.ApiClient(V3FaultGatewayFactory.NotifyKey);
        var created = await CreateAsync(api, NativePayment("v3-pay-fail", amount: 180));

        var scan = await ScanAsync(api, created.Str("action.codeUrl"));
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        PaymentRecord? payment = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline && payment?.ErrorCode != "PAYERROR"; await Task.Delay(100))
        {
            payment = await store.GetAsync(created.Str("id"), default);
        }

        var order = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}?mchId={V3FaultGatewayFactory.MchNotify}"));
        Assert.Equal("payerror", (await ReadAsync(scan)).Str("status"));
        // APIv3 notifies successes only (TRANSACTION.SUCCESS); the query's PAYERROR is how the failure is learnt.
        Assert.Equal(("PAYERROR", "not_sent"), (order.Str("tradeState"), order.Str("notify.status")));
        Assert.Empty(order["notify"]!["attempts"]!.AsArray());
        // No money was received and the payer may still pay another way: the failure is noted, nothing ends.
        Assert.Equal(("PAYERROR", PaymentStatus.Pending), (payment!.ErrorCode, payment.Status));
        Assert.Null(payment.PaidAmount);
    }

    private WeChatPayV3Client SandboxClient() => new(new HttpClient(), new WeChatPayV3Options
    {
        MchId = V3FaultGatewayFactory.MchDirect,
        MerchantSerialNo = V3GatewayFactory.MerchantSerialNo,
        MerchantPrivateKey = V3GatewayFactory.MerchantKey.ExportPkcs8PrivateKeyPem(),
        ApiV3Key = V3GatewayFactory.ApiV3Key,
        PublicKeyId = V3GatewayFactory.PublicKeyId,
        PublicKey = V3GatewayFactory.PlatformKey.ExportSubjectPublicKeyInfoPem(),
        BaseUrl = $"{gateway.BaseUrl}/sandbox/wechatpay",
    }, TimeProvider.System);

    private async Task AddFaultAsync(object fault)
    {
        using var response = await gateway.ApiClient(apiKey: null).PostAsJsonAsync("/sandbox/faults", fault);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
