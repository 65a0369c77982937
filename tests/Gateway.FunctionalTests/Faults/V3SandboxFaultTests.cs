using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.WeChatPayV3;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Faults;

/// <summary>What the gateway's WeChatPayV3 instances make of the v3 sandbox's faults (<c>POST /sandbox/faults</c>), no hand-made fakes.</summary>
public sealed class V3SandboxFaultTests(V3FaultGatewayFactory gateway) : IClassFixture<V3FaultGatewayFactory>
{
    [Theory]
    [InlineData("SYSTEM_ERROR", V3FaultGatewayFactory.FailoverKey, "wx3-fo", V3FaultGatewayFactory.MchFailover1)]
    [InlineData("FREQUENCY_LIMITED", V3FaultGatewayFactory.RateLimitedKey, "wx3-rl", V3FaultGatewayFactory.MchRateLimited1)]
    public async Task TransientV3Error_OnTheFirstInstance_FailsOverToTheNext(string errCode, string apiKey, string instances, string firstMchId)
    {
        await AddFaultAsync(new { merchant = firstMchId, kind = "error", errCode, api = "unifiedorder", count = 1 });
        var api = gateway.ApiClient(apiKey);
        var orderId = "v3-fo-" + errCode;

        var created = await CreateAsync(api, NativePayment(orderId, amount: 300));
        var both = (await ReadAsync(await api.GetAsync($"/v1/payments?merchantOrderId={orderId}")))["data"]!.AsArray();

        Assert.Equal(instances + "-2", created.Str("provider"));
        var first = Assert.Single(both, p => p.Str("provider") == instances + "-1");
        Assert.Equal("failed", first.Str("status"));
        Assert.Contains(errCode, first!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/sandbox/wechatpay/orders/{first.Str("id")}?mchId={firstMchId}")).StatusCode);
    }

    [Fact]
    public async Task V3Timeout_BenchesTheInstance_SoTheNextPaymentGoesToAnother()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchBench1, kind = "timeout", api = "unifiedorder", count = 1 });
        var api = gateway.ApiClient(V3FaultGatewayFactory.BenchKey);

        using var timedOut = await api.PostAsJsonAsync("/v1/payments", NativePayment("v3-bench-1"));
        var problem = await ReadAsync(timedOut);
        var next = await CreateAsync(api, NativePayment("v3-bench-2"));

        Assert.Equal(HttpStatusCode.BadGateway, timedOut.StatusCode);
        Assert.Equal("provider_unavailable", problem.Str("code"));
        var stuck = await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(problem.Str("paymentId"), default);
        Assert.Equal((PaymentStatus.Pending, "wx3-bench-1"), (stuck!.Status, stuck.ProviderInstance));
        // The fault was used up, so wx3-bench-1 would have answered: only the bench sends this one to wx3-bench-2.
        Assert.Equal("wx3-bench-2", next.Str("provider"));
    }

    [Fact]
    public async Task DroppedV3Notify_IsSettledBySync()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchNotify, kind = "notify_drop", count = 1 });
        var api = gateway.ApiClient(V3FaultGatewayFactory.NotifyKey);
        var created = await CreateAsync(api, NativePayment("v3-dropped-notify", amount: 420));

        Assert.True((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);

        // The store, not a GET: a GET would ask the provider itself, and this is about the background sync.
        var payment = await WaitInStoreAsync(created.Str("id"));
        var order = await SandboxOrderAsync(api, created.Str("id"));
        Assert.Equal(420, payment.PaidAmount);
        Assert.Equal("dropped", order.Str("notify.status"));
        Assert.Empty(order["notify"]!["attempts"]!.AsArray());
    }

    [Fact]
    public async Task DuplicatedV3NotifyStorm_AppliesOnce()
    {
        await AddFaultAsync(new { merchant = V3FaultGatewayFactory.MchNotify, kind = "notify_duplicate", times = 20, count = 1 });
        await using var merchant = await WebhookReceiver.StartAsync();
        var api = gateway.ApiClient(V3FaultGatewayFactory.NotifyKey);
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native", merchantOrderId = "v3-storm-1", amount = 77, currency = "CNY", description = "storm",
            clientIp = "203.0.113.10", notifyUrl = merchant.Url,
        });

        Assert.True((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);

        var payment = await WaitInStoreAsync(created.Str("id"));
        var attempts = await WaitForAttemptsAsync(api, created.Str("id"), 21);
        await merchant.WaitForAsync(r => r.Acknowledged.Count == 1, TimeSpan.FromSeconds(10));
        await Task.Delay(500); // room for a wrong second event to show up

        Assert.Equal(77, payment.PaidAmount);
        // Every copy was acknowledged with a 2xx (a replay changes nothing), and the merchant heard of the payment once.
        Assert.All(attempts, a => Assert.Equal("delivered", a!.Str("outcome")));
        Assert.Contains("payment.succeeded", Assert.Single(merchant.Deliveries).Body);
    }

    private async Task AddFaultAsync(object fault)
    {
        using var response = await gateway.ApiClient(apiKey: null).PostAsJsonAsync("/sandbox/faults", fault);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonObject> SandboxOrderAsync(HttpClient api, string id) =>
        await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{id}?mchId={V3FaultGatewayFactory.MchNotify}"));

    private async Task<PaymentRecord> WaitInStoreAsync(string id)
    {
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        PaymentRecord? payment = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            payment = await store.GetAsync(id, default);
            if (payment?.Status == PaymentStatus.Succeeded)
            {
                return payment;
            }
        }

        Assert.Fail($"Payment {id} is {payment?.Status}, expected Succeeded.");
        return payment!;
    }

    private static async Task<JsonArray> WaitForAttemptsAsync(HttpClient api, string id, int count)
    {
        var attempts = new JsonArray();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            attempts = (await SandboxOrderAsync(api, id))["notify"]!["attempts"]!.AsArray();
            if (attempts.Count >= count)
            {
                return attempts;
            }
        }

        Assert.Fail($"The sandbox sent {attempts.Count} notifies for {id}, expected {count}.");
        return attempts;
    }
}
