using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>A payment whose notify never comes is found by sync; one past its expiry is closed at the provider.</summary>
public class SyncAndExpiryTests
{
    private static readonly Dictionary<string, string?> FastSync = new()
    {
        ["Gateway:Sync:Schedule:0"] = "00:00:00.300",
        ["Gateway:Sync:Schedule:1"] = "00:00:00.300",
    };

    [Fact]
    public async Task LostNotify_SyncFindsThePaymentPaid()
    {
        // Every notify the sandbox sends is lost on the way.
        using var gateway = GatewayFactory.With(FastSync, services => services.AddHttpClient("Gateway.Sandbox.Notify")
            .ConfigurePrimaryHttpMessageHandler(() => new DroppingHandler()));
        var created = await CreateAsync(gateway.ApiClient(), NativePayment("lost-notify", amount: 250));
        await ScanAsync(gateway.ApiClient(), created.Str("action.codeUrl"));

        // Read the store directly: a GET would sync by itself, and this test is about the background sync.
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        var payment = await WaitAsync(store, created.Str("id"), PaymentStatus.Succeeded);
        Assert.Equal(250, payment.PaidAmount);
        Assert.StartsWith("4200", payment.ProviderTransactionId);
    }

    [Fact]
    public async Task ExpiredPayment_IsClosedAtTheProvider_AndMarkedExpired()
    {
        var clock = new ShiftedTimeProvider();
        using var gateway = GatewayFactory.With(FastSync, services => services.AddSingleton<TimeProvider>(clock));
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native",
            merchantOrderId = "expiring",
            amount = 1,
            currency = "CNY",
            description = "expires soon",
            clientIp = "203.0.113.1",
            expiresIn = 120,
        });

        clock.Advance(TimeSpan.FromMinutes(3));
        var payment = await WaitAsync(gateway.Services.GetRequiredService<IPaymentStore>(), created.Str("id"), PaymentStatus.Expired);

        Assert.Equal(PaymentStatus.Expired, payment.Status);
        var sandboxOrder = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}?mchId={GatewayFactory.MchA}"));
        Assert.Contains("CLOSED", sandboxOrder.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.False((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);
    }

    private static async Task<PaymentRecord> WaitAsync(IPaymentStore store, string id, PaymentStatus status)
    {
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

    private sealed class DroppingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new HttpRequestException("The notify was lost on the way (test).");
    }
}
