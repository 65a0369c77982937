using System.Net;
using System.Net.Http.Json;
using Gateway.Refunds;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;
using static Gateway.FunctionalTests.WeChatPayV3.V3Refunds;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// APIv3 refunds that stay PROCESSING at the sandbox until told otherwise: refund sync settles one whose notify never
/// comes (through <c>GET /v3/refund/domestic/refunds/{out_refund_no}</c>), REFUND.ABNORMAL fails one, one written but
/// never sent is sent by sync, and WeChat's NOT_ENOUGH fails one. The merchant can give back at most 600 fen.
/// </summary>
public sealed class V3RefundSyncTests : IAsyncLifetime
{
    private const string Instance = "wx3-sandbox";
    private V3GatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new V3GatewayFactory(SlowRefunds);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task ARefundWhoseNotifyIsDropped_IsSettledByRefundSync()
    {
        var api = _gateway.DemoApi();
        var paymentId = await PaidNativeAsync(_gateway, "v3-refund-sync-1", 1000);
        var refund = await CreatedRefundAsync(api, paymentId, 100, "v3-r-sync-1");

        var settle = await _gateway.Browser().PostAsJsonAsync($"/sandbox/wechatpay/refunds/{refund.Str("id")}/settle", new { status = "SUCCESS", notify = false });
        Assert.Equal(HttpStatusCode.OK, settle.StatusCode);

        var done = await WaitForRefundAsync(api, refund.Str("id"), "succeeded", TimeSpan.FromSeconds(15));
        Assert.Equal("SUCCESS", done.Str("providerState"));
        Assert.Equal(refund.Str("providerRefundId"), done.Str("providerRefundId"));
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));
        using var admin = _gateway.ApiClient("sk_test_admin");
        var inbox = await ReadAsync(await admin.GetAsync($"/admin/notify-inbox?instance={Instance}&limit=500"));
        Assert.Single(inbox["data"]!.AsArray(), e => e.Str("paymentId") == paymentId); // the payment's notify only
    }

    [Fact]
    public async Task ARefundWrittenButNeverSent_IsSentBySync_AfterResourceNotExists()
    {
        var api = _gateway.DemoApi();
        var paymentId = await PaidNativeAsync(_gateway, "v3-refund-crash-1", 300);
        var now = DateTimeOffset.UtcNow;

        // The process "died" between writing the refund and calling WeChat: only the row exists.
        var ledger = _gateway.Services.GetRequiredService<RefundLedger>();
        var reservation = await ledger.ReserveAsync(new RefundRecord
        {
            Id = "re_v3crashbetweenwriteandcall1",
            PaymentId = paymentId,
            ClientId = "demo-shop-v3",
            ProviderInstance = Instance,
            MerchantRefundId = "v3-r-crash-1",
            Amount = 50,
            Currency = "CNY",
            Status = RefundStatus.Pending,
            Source = "api",
            CreatedAt = now,
            UpdatedAt = now,
            NextSyncAt = now,
        }, default);
        Assert.Equal(ReservationOutcome.Reserved, reservation.Outcome);

        // Sync's query is 404 RESOURCE_NOT_EXISTS, so it sends the refund under the same out_refund_no.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage sandbox;
        while (!(sandbox = await _gateway.Browser().GetAsync("/sandbox/wechatpay/refunds/re_v3crashbetweenwriteandcall1")).IsSuccessStatusCode && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var sent = await ReadAsync(sandbox);
        Assert.Equal(("PROCESSING", "50"), (sent.Str("status"), sent.Str("refundFee")));
        Assert.Equal(HttpStatusCode.OK, (await _gateway.Browser().PostAsJsonAsync("/sandbox/wechatpay/refunds/re_v3crashbetweenwriteandcall1/settle", new { status = "SUCCESS" })).StatusCode);
        var done = await WaitForRefundAsync(api, "re_v3crashbetweenwriteandcall1", "succeeded", TimeSpan.FromSeconds(15));
        Assert.Equal(sent.Str("refundId"), done.Str("providerRefundId"));
    }

    [Fact]
    public async Task RefundAbnormal_FailsTheRefund_WithItsCode_AndReleasesTheAmount()
    {
        var api = _gateway.DemoApi();
        var paymentId = await PaidNativeAsync(_gateway, "v3-refund-abnormal-1", 100);
        var refund = await CreatedRefundAsync(api, paymentId, 100, "v3-r-abnormal-1");

        var settle = await _gateway.Browser().PostAsJsonAsync($"/sandbox/wechatpay/refunds/{refund.Str("id")}/settle", new { status = "ABNORMAL" });
        Assert.Equal(HttpStatusCode.OK, settle.StatusCode);

        var failed = await WaitForRefundAsync(api, refund.Str("id"), "failed", TimeSpan.FromSeconds(15));
        Assert.Equal("ABNORMAL", failed.Str("error.code"));
        Assert.Contains("merchant platform", failed.Str("error.message"), StringComparison.Ordinal);
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));
    }

    [Fact]
    public async Task NotEnough_FailsTheRefund_WithWeChatsCode()
    {
        var api = _gateway.DemoApi();
        var paymentId = await PaidNativeAsync(_gateway, "v3-refund-notenough-1", 1000);

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 1000, "v3-r-notenough-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("provider_rejected", problem.Str("code"));
        Assert.Equal("NOT_ENOUGH", problem.Str("providerCode"));
        var failed = await ReadAsync(await api.GetAsync($"/v1/refunds/{problem.Str("refundId")}"));
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal("NOT_ENOUGH", failed.Str("error.code"));
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));
    }
}
