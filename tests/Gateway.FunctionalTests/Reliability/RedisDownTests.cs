using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>
/// Redis configured but unreachable: a notify cannot take its dedupe lease, so it is not applied at all
/// (never applied without dedupe) and the provider is told FAIL, so it retries later.
/// </summary>
public class RedisDownTests
{
    [Fact]
    public async Task RedisUnreachable_ValidNotifyAnswersFail_PaymentStaysPending_NoEvent()
    {
        // A closed loopback port: nothing listens on port 1.
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,syncTimeout=500,abortConnect=false",
        });
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("redis-down", amount: 300))).Str("id");
        var body = NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId());
        using var http = gateway.ApiClient(apiKey: null);

        for (var i = 0; i < 3; i++)
        {
            var (code, message) = await NotifyFixtures.PostForAckAsync(http, "wx-a", body);
            Assert.Equal("FAIL", code);
            Assert.NotEqual("processing", message);
        }

        Assert.Equal(PaymentStatus.Pending, (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!.Status);
        Assert.Empty(await gateway.Services.GetRequiredService<WebhookStore>().ListAsync(id, null, 10, default));

        // Stored first, then answered FAIL: the inbox keeps every copy with its outcome, for a re-drive.
        var inbox = await gateway.Services.GetRequiredService<Gateway.Notify.NotifyInbox>().ListAsync("wx-a", null, 10, default);
        Assert.Equal(3, inbox.Count);
        Assert.All(inbox, e => Assert.Equal("error", e.Outcome));
    }
}
