using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Faults;

/// <summary>Gateway behaviours driven by the sandbox's own faults (<c>POST /sandbox/faults</c>), no hand-made fakes.</summary>
public sealed class SandboxFaultTests(FaultGatewayFactory gateway) : IClassFixture<FaultGatewayFactory>
{
    [Fact]
    public async Task SystemError_OnTheFirstInstance_FailsOverToTheNext()
    {
        await AddFaultAsync(new { merchant = FaultGatewayFactory.MchFailover1, kind = "error", errCode = "SYSTEMERROR", api = "unifiedorder", count = 1 });
        var api = gateway.ApiClient(FaultGatewayFactory.FailoverKey);

        var created = await CreateAsync(api, NativePayment("fo-1", amount: 300));
        var both = (await ReadAsync(await api.GetAsync("/v1/payments?merchantOrderId=fo-1")))["data"]!.AsArray();

        Assert.Equal("wx-fo-2", created.Str("provider"));
        Assert.Equal("pending", created.Str("status"));
        var first = Assert.Single(both, p => p.Str("provider") == "wx-fo-1");
        Assert.Equal("failed", first.Str("status"));
        Assert.Contains("SYSTEMERROR", first!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}?mchId={FaultGatewayFactory.MchFailover2}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/sandbox/wechatpay/orders/{first.Str("id")}?mchId={FaultGatewayFactory.MchFailover1}")).StatusCode);
    }

    [Fact]
    public async Task Timeout_BenchesTheInstance_SoTheNextPaymentGoesToAnother()
    {
        await AddFaultAsync(new { merchant = FaultGatewayFactory.MchBench1, kind = "timeout", api = "unifiedorder", count = 1 });
        var api = gateway.ApiClient(FaultGatewayFactory.BenchKey);

        using var timedOut = await api.PostAsJsonAsync("/v1/payments", NativePayment("bench-1"));
        var problem = await ReadAsync(timedOut);
        var next = await CreateAsync(api, NativePayment("bench-2"));

        Assert.Equal(HttpStatusCode.BadGateway, timedOut.StatusCode);
        Assert.Equal("provider_unavailable", problem.Str("code"));
        // A timeout is never retried elsewhere: the provider may have the order, so the payment stays pending.
        var stuck = await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(problem.Str("paymentId"), default);
        Assert.Equal(PaymentStatus.Pending, stuck!.Status);
        Assert.Equal("wx-bench-1", stuck.ProviderInstance);
        // The fault was used up, so wx-bench-1 would have answered: only the bench sends this one to wx-bench-2.
        Assert.Equal("wx-bench-2", next.Str("provider"));
        Assert.Equal(0, (await FaultsAsync()).Count(f => f!.Str("merchant") == FaultGatewayFactory.MchBench1 && f.Str("active") == "true"));
    }

    [Fact]
    public async Task DroppedNotify_IsSettledBySync()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.MchA, kind = "notify_drop", count = 1 });
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("dropped-notify", amount: 420));

        Assert.True((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);

        // The store, not a GET: a GET would ask the provider itself, and this is about the background sync.
        var payment = await WaitInStoreAsync(created.Str("id"), PaymentStatus.Succeeded);
        var sandboxOrder = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}?mchId={GatewayFactory.MchA}"));
        Assert.Equal(420, payment.PaidAmount);
        Assert.Equal("dropped", sandboxOrder.Str("notify.status"));
        Assert.Empty(sandboxOrder["notify"]!["attempts"]!.AsArray());
    }

    [Fact]
    public async Task FailedPayment_FailureNotify_IsRecorded_AndThePaymentStaysPending()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.MchA, kind = "pay_fail", count = 1 });
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("pay-fail", amount: 180));

        var scan = await ScanAsync(api, created.Str("action.codeUrl"));
        var notify = await WaitForSandboxNotifyAsync(api, created.Str("id"), GatewayFactory.MchA, "delivered");
        var payment = await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(created.Str("id"), default);

        Assert.Equal("payerror", (await ReadAsync(scan)).Str("status"));
        Assert.Equal("PAYERROR", notify.Str("tradeState"));
        // No money was received, and the payer may still pay another way: the failure is noted, nothing ends.
        Assert.Equal(PaymentStatus.Pending, payment!.Status);
        Assert.Equal("PAYERROR", payment.ErrorCode);
        Assert.Null(payment.PaidAmount);
    }

    [Fact]
    public async Task UserPaying_StaysPendingThroughSync_ThenSucceeds()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.MchA, kind = "user_paying", delayMs = 2000, count = 1 });
        await AddFaultAsync(new { merchant = GatewayFactory.MchA, kind = "notify_drop", count = 1 });
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("user-paying", amount: 150));
        var store = gateway.Services.GetRequiredService<IPaymentStore>();

        var scan = await ScanAsync(api, created.Str("action.codeUrl"));
        await Task.Delay(1000); // sync (every 300 ms here) has queried and read USERPAYING by now
        var during = await store.GetAsync(created.Str("id"), default);
        var sandboxDuring = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}?mchId={GatewayFactory.MchA}"));

        Assert.Equal("userpaying", (await ReadAsync(scan)).Str("status"));
        Assert.Equal("USERPAYING", sandboxDuring.Str("tradeState"));
        Assert.Equal(PaymentStatus.Pending, during!.Status);
        var paid = await WaitInStoreAsync(created.Str("id"), PaymentStatus.Succeeded);
        Assert.Equal(150, paid.PaidAmount);
    }

    [Fact]
    public async Task DuplicatedNotifyStorm_AppliesOnce()
    {
        await AddFaultAsync(new { merchant = FaultGatewayFactory.MchStorm, kind = "notify_duplicate", times = 20, count = 1 });
        await using var merchant = await WebhookReceiver.StartAsync();
        var api = gateway.ApiClient(FaultGatewayFactory.StormKey);
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native", merchantOrderId = "storm-1", amount = 77, currency = "CNY", description = "storm",
            clientIp = "203.0.113.10", notifyUrl = merchant.Url,
        });

        Assert.True((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);

        var payment = await WaitInStoreAsync(created.Str("id"), PaymentStatus.Succeeded);
        var attempts = await WaitForAttemptsAsync(api, created.Str("id"), 21);
        var admin = Admin();
        // Duplicates' inbox rows are written off the request path (NotifyInboxRecorder): wait for the queue.
        var recorder = gateway.Services.GetRequiredService<Gateway.Notify.NotifyInboxRecorder>();
        await Gateway.FunctionalTests.Notify.NotifyRejectionSampleTests.WaitUntilAsync(() => recorder.Pending == 0);
        var inbox = (await ReadAsync(await admin.GetAsync("/admin/notify-inbox?instance=wx-storm&limit=100")))["data"]!.AsArray();
        await merchant.WaitForAsync(r => r.Acknowledged.Count == 1, TimeSpan.FromSeconds(10));
        await Task.Delay(500); // room for a wrong second event to show up

        Assert.Equal(77, payment.PaidAmount);
        // Every copy was acknowledged (a replay is answered SUCCESS and changes nothing) and reached the inbox.
        Assert.All(attempts, a => Assert.Equal("delivered", a!.Str("outcome")));
        Assert.Equal(21, inbox.Count);
        // ...and the merchant heard of the payment once.
        var delivery = Assert.Single(merchant.Deliveries);
        Assert.Contains("payment.succeeded", delivery.Body);
    }

    private async Task AddFaultAsync(object fault)
    {
        using var response = await gateway.ApiClient(apiKey: null).PostAsJsonAsync("/sandbox/faults", fault);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<JsonArray> FaultsAsync() =>
        JsonNode.Parse(await gateway.ApiClient(apiKey: null).GetStringAsync("/sandbox/faults"))!.AsArray();

    private HttpClient Admin()
    {
        var admin = gateway.ApiClient(apiKey: null);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FaultGatewayFactory.AdminKey);
        return admin;
    }

    private async Task<PaymentRecord> WaitInStoreAsync(string id, PaymentStatus status)
    {
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        PaymentRecord? payment;
        do
        {
            payment = await store.GetAsync(id, default);
            if (payment?.Status == status)
            {
                return payment;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Payment {id} is {payment?.Status}, expected {status}.");
        return payment!;
    }

    private static async Task<JsonObject> WaitForSandboxNotifyAsync(HttpClient api, string id, string mchId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonObject order;
        do
        {
            order = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{id}?mchId={mchId}"));
            if (order.Str("notify.status") == status)
            {
                return order;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The sandbox's notify for {id} is {order.Str("notify.status")}, expected {status}.");
        return order;
    }

    private static async Task<JsonArray> WaitForAttemptsAsync(HttpClient api, string id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonArray attempts;
        do
        {
            var order = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{id}?mchId={FaultGatewayFactory.MchStorm}"));
            attempts = order["notify"]!["attempts"]!.AsArray();
            if (attempts.Count >= count)
            {
                return attempts;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The sandbox sent {attempts.Count} notifies for {id}, expected {count}.");
        return attempts;
    }
}
