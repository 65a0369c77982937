using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.FunctionalTests.Infrastructure;
using Xunit.Abstractions;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>
/// Two gateway hosts (each with its own DI container, hosted services, dispatcher and sandbox) share one
/// PostgreSQL database and one Redis database, as two processes behind a load balancer would: the
/// provider's notifies land on either, and the merchant still sees each payment once.
/// </summary>
public class TwoGatewayProcessesTests(ITestOutputHelper output)
{
    private const int Payments = 20;
    private const int CopiesPerGateway = 3;

    [Fact]
    public async Task NotifiesSplitBetweenTwoGateways_EveryPaymentTransitionsOnce_EveryEventDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = await TestServices.BackendAsync("redis+postgres"); // one database, one Redis db number, for both
        var database = settings["Gateway:Store:ConnectionString"]!;
        settings["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url;
        settings["Gateway:Webhooks:PollInterval"] = "00:00:00.050";
        settings["Gateway:Sync:Schedule:0"] = "01:00:00"; // keep the provider queries out of this test: notifies only

        using var a = GatewayFactory.With(settings, null);
        using var b = GatewayFactory.With(settings, null);
        var api = a.ApiClient();
        var payments = new List<(string Id, string Body)>();
        for (var i = 0; i < Payments; i++)
        {
            var id = (await CreateAsync(api, NativePayment($"two-{i}", amount: 100 + i))).Str("id");
            payments.Add((id, NotifyFixtures.PaidNotify(id, 100 + i, NotifyFixtures.NewTransactionId())));
        }

        using var httpA = a.ApiClient(apiKey: null);
        using var httpB = b.ApiClient(apiKey: null);
        var acks = new ConcurrentQueue<(string PaymentId, string Gateway, string Code, string? Message)>();
        var clock = Stopwatch.StartNew();

        // Every copy is retried until SUCCESS, as WeChat retries; a FAIL is only acceptable as "processing".
        async Task SendUntilSuccessAsync(string paymentId, string body, HttpClient http, string gateway)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                var (code, message) = await NotifyFixtures.PostForAckAsync(http, "wx-a", body);
                acks.Enqueue((paymentId, gateway, code, message));
                if (code == "SUCCESS" || DateTime.UtcNow > deadline)
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        await Task.WhenAll(payments.SelectMany(p => Enumerable.Range(0, CopiesPerGateway).SelectMany(_ => new[]
        {
            Task.Run(() => SendUntilSuccessAsync(p.Id, p.Body, httpA, "A")),
            Task.Run(() => SendUntilSuccessAsync(p.Id, p.Body, httpB, "B")),
        })));
        var notified = clock.Elapsed;

        var byOutcome = acks.GroupBy(x => $"{x.Gateway}:{x.Code}:{x.Message}").OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        output.WriteLine($"{acks.Count} notify answers in {notified.TotalMilliseconds:F0} ms: {string.Join(", ", byOutcome)}");

        // Every answer is SUCCESS, or FAIL "processing" (another copy held the lease) that a retry turned into SUCCESS.
        Assert.All(acks, x => Assert.True(x.Code == "SUCCESS" || (x.Code == "FAIL" && x.Message == "processing"), $"{x.PaymentId} on {x.Gateway}: {x.Code} {x.Message}"));
        foreach (var p in payments)
        {
            foreach (var gateway in new[] { "A", "B" })
            {
                Assert.Equal(CopiesPerGateway, acks.Count(x => x.PaymentId == p.Id && x.Gateway == gateway && x.Code == "SUCCESS"));
            }
        }

        // Exactly one transition, so exactly one outbox row, per payment.
        var events = await OutboxQueries.EventsAsync(database);
        Assert.Equal(Payments, events.Count);
        Assert.All(events, e => Assert.Equal("payment.succeeded", e.Type));
        Assert.Equal(payments.Select(p => p.Id).Order(), events.Select(e => e.PaymentId).Order());
        var statuses = await OutboxQueries.StatusesAsync(database);
        Assert.All(payments, p => Assert.Equal("succeeded", statuses[p.Id]));

        // Both dispatchers poll the same outbox; each event still reaches the merchant once.
        await receiver.WaitForAsync(r => r.Acknowledged.Count == Payments, TimeSpan.FromSeconds(20));
        output.WriteLine($"all {Payments} events acknowledged after {clock.Elapsed.TotalMilliseconds:F0} ms");
        await Task.Delay(1000); // room for a wrongful second delivery to show up
        var acknowledged = receiver.Acknowledged;
        Assert.Equal(events.Select(e => e.Id).Order(), acknowledged.Keys.Order());
        Assert.All(acknowledged, pair => Assert.True(pair.Value == 1, $"event {pair.Key} delivered {pair.Value} times"));
        Assert.Equal(Payments, receiver.Deliveries.Count);
        var attempts = await OutboxQueries.AttemptsAsync(database);
        Assert.All(events, e => Assert.Equal((1, 1), attempts[e.Id]));
    }
}
