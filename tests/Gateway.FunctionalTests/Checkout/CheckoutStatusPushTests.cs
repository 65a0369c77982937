using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>
/// The checkout's long poll is woken by the payment's own change, not by polling the store: with the fallback
/// poll set far beyond the 25 s wait, only the change message can turn a waiting "pending" into "succeeded".
/// </summary>
public sealed class CheckoutStatusPushTests
{
    private const string TokenKey = "status-push-test-key-0123456789abcdef";

    [Fact]
    public async Task LongPoll_IsWokenByTheNotifysTransition_InTheSameProcess()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Checkout:StatusFallbackPollSeconds"] = "300" });
        var created = await CreateAsync(gateway.ApiClient(), NativePayment("push-1", amount: 101));

        var status = await PayWhileWaitingAsync(created, gateway, gateway);

        Assert.Equal("succeeded", status.Str("status"));
    }

    [Fact]
    public async Task LongPoll_OnAnotherProcess_IsWokenThroughRedis()
    {
        var settings = await TestServices.BackendAsync("redis+postgres");
        settings["Gateway:Checkout:StatusFallbackPollSeconds"] = "300";
        settings["Gateway:Checkout:TokenKey"] = TokenKey; // both processes sign and check the same links
        using var a = GatewayFactory.With(settings);
        using var b = GatewayFactory.With(settings);
        var created = await CreateAsync(a.ApiClient(), NativePayment("push-2", amount: 102));

        var status = await PayWhileWaitingAsync(created, notified: a, polled: b);

        Assert.Equal("succeeded", status.Str("status"));
    }

    /// <summary>Starts the long poll on <paramref name="polled"/>, then delivers WeChat's paid notify to <paramref name="notified"/>.</summary>
    private static async Task<JsonObject> PayWhileWaitingAsync(JsonObject created, GatewayFactory notified, GatewayFactory polled)
    {
        var id = created.Str("id");
        var link = new Uri(created.Str("action.checkoutUrl"));
        using var browser = new HttpClient { BaseAddress = new Uri(polled.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var poll = browser.GetAsync($"{link.AbsolutePath}/status{link.Query}&known=pending&wait=25");

        // The poll has read "pending" and waits: give it a moment to get there, then pay.
        await Task.Delay(500);
        Assert.False(poll.IsCompleted);
        using var provider = notified.ApiClient(apiKey: null);
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(provider, "wx-a", NotifyFixtures.PaidNotify(id, created["amount"]!.GetValue<long>(), NotifyFixtures.NewTransactionId())));

        return await ReadAsync(await poll);
    }
}
