using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>Every payment the provider says happened reaches the merchant exactly once.</summary>
public class ExactlyOnceTests
{
    private static Dictionary<string, string?> WebhookTo(WebhookReceiver receiver) => new() { ["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url };

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    [InlineData("redis+postgres")]
    public async Task HundredConcurrentCopiesOfOneNotify_OneTransition_OneEvent_HundredAcks(string backend)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = await TestServices.BackendAsync(backend);
        foreach (var (k, v) in WebhookTo(receiver))
        {
            settings[k] = v;
        }

        using var gateway = GatewayFactory.With(settings, null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("once-1", amount: 300))).Str("id");
        var body = NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId());
        using var http = gateway.ApiClient(apiKey: null);

        var acks = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => NotifyFixtures.PostAsync(http, "wx-a", body))));

        // The 99 duplicates' inbox rows are written off the request path (NotifyInboxRecorder): wait for the queue.
        var recorder = gateway.Services.GetRequiredService<Gateway.Notify.NotifyInboxRecorder>();
        await Gateway.FunctionalTests.Notify.NotifyRejectionSampleTests.WaitUntilAsync(() => recorder.Pending == 0);
        var inbox = await gateway.Services.GetRequiredService<Gateway.Notify.NotifyInbox>().ListAsync("wx-a", null, 200, default);
        Assert.True(acks.All(a => a == "SUCCESS"), string.Join(",", inbox.GroupBy(e => e.Outcome).Select(g => $"{g.Key}={g.Count()}")) + " acks: " + string.Join(",", acks.GroupBy(a => a).Select(g => $"{g.Key}={g.Count()}")));
        Assert.Equal(100, inbox.Count);
        var events = await gateway.Services.GetRequiredService<WebhookStore>().ListAsync(id, null, 10, default);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, Assert.Single(events).Type);
        await receiver.WaitForAsync(r => r.Acknowledged.Count == 1, TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        Assert.Equal(1, receiver.Acknowledged[events[0].Id]);
        Assert.Single(receiver.Deliveries);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task FailureAfterDedupeLease_BeforeCommit_ProviderRetryCompletesOnce(string backend)
    {
        var failOnce = new FailingTransitions(failures: 1);
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), services => failOnce.Decorate(services));
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("once-fail", amount: 300))).Str("id");
        var body = NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId());
        using var http = gateway.ApiClient(apiKey: null);

        Assert.Equal("FAIL", await NotifyFixtures.PostAsync(http, "wx-a", body));
        Assert.Equal(PaymentStatus.Pending, (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!.Status);

        // WeChat retries: the released lease lets the retry apply it, once.
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", body));
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", body));
        Assert.Equal(PaymentStatus.Succeeded, (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!.Status);
        Assert.Equal(1, failOnce.Applied);
    }

    [Fact]
    public async Task ReceiverDownThenUp_EveryEventDelivered_WithVerifiableSignatures()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        using var gateway = GatewayFactory.With(WebhookTo(receiver), null);
        var api = gateway.ApiClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await CreateAsync(api, NativePayment($"down-{i}"));
            ids.Add(created.Str("id"));
            await ScanAsync(api, created.Str("action.codeUrl"));
        }

        await receiver.WaitForAsync(r => r.Deliveries.Count >= 6, TimeSpan.FromSeconds(15)); // every event tried at least twice while down
        receiver.Down = false;
        await receiver.WaitForAsync(r => r.Acknowledged.Count == 3, TimeSpan.FromSeconds(20));

        foreach (var delivery in receiver.Deliveries)
        {
            Assert.True(WebhookReceiver.Verify(delivery.Signature, delivery.Body, GatewayFactory.WebhookSecretA), delivery.Signature);
            Assert.True(WebhookReceiver.Verify(delivery.Signature, delivery.Body, GatewayFactory.WebhookSecretA2), "both active secrets sign");
            Assert.False(WebhookReceiver.Verify(delivery.Signature, delivery.Body, "whsec_some_other_secret_value"));
        }

        var paymentIds = receiver.Deliveries.Where(d => d.Acknowledged).Select(d => JsonNode.Parse(d.Body)!["data"]!["id"]!.GetValue<string>()).Order();
        Assert.Equal(ids.Order(), paymentIds);
        Assert.All(receiver.Deliveries.Where(d => d.Acknowledged), d => Assert.Equal("payment.succeeded", JsonNode.Parse(d.Body)!["type"]!.GetValue<string>()));
    }

    /// <summary>Decorates the store so the first N transitions throw after the dedupe lease is taken.</summary>
    internal sealed class FailingTransitions(int failures)
    {
        private int _remaining = failures;
        private int _applied;

        public int Applied => _applied;

        public void Decorate(IServiceCollection services) => services.DecoratePaymentStore(store => new Store(store, this));

        private sealed class Store(IPaymentStore inner, FailingTransitions owner) : DelegatingPaymentStore(inner)
        {
            public override async Task<bool> TryTransitionAsync(PaymentTransition transition, DateTimeOffset now, CancellationToken cancellationToken)
            {
                owner.FailIfDue();
                return owner.Count(await base.TryTransitionAsync(transition, now, cancellationToken));
            }

            public override async Task<PaymentRecord?> TryTransitionIfOrderAgreesAsync(
                PaymentTransition transition, ExpectedOrder order, DateTimeOffset now, CancellationToken cancellationToken)
            {
                owner.FailIfDue();
                var updated = await base.TryTransitionIfOrderAgreesAsync(transition, order, now, cancellationToken);
                owner.Count(updated is not null);
                return updated;
            }
        }

        private void FailIfDue()
        {
            if (Interlocked.Decrement(ref _remaining) >= 0)
            {
                throw new InvalidOperationException("Injected failure before the transition commits.");
            }
        }

        private bool Count(bool applied)
        {
            if (applied)
            {
                Interlocked.Increment(ref _applied);
            }

            return applied;
        }
    }
}
