using System.Net;
using System.Net.Http.Headers;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>Ops can see every notify and webhook delivery, re-drive a failed notify and re-send an event.</summary>
public class OpsRecoveryTests
{
    private const string AdminKey = "sk_test_admin";

    private static HttpClient Admin(GatewayFactory gateway)
    {
        var client = gateway.ApiClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    [Fact]
    public async Task FailedNotify_IsInTheInbox_AndReDrivingItCompletesThePayment()
    {
        var failOnce = new ExactlyOnceTests.FailingTransitions(failures: 1);
        using var gateway = GatewayFactory.With(null, services => failOnce.Decorate(services));
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("redrive-1", amount: 42))).Str("id");
        using var http = gateway.ApiClient(apiKey: null);
        Assert.Equal("FAIL", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 42, NotifyFixtures.NewTransactionId())));

        using var admin = Admin(gateway);
        var inbox = await ReadAsync(await admin.GetAsync("/admin/notify-inbox?instance=wx-a&outcome=error"));
        var entry = Assert.Single(inbox["data"]!.AsArray());
        var inboxId = entry.Str("id");
        var stored = await ReadAsync(await admin.GetAsync($"/admin/notify-inbox/{inboxId}"));
        Assert.Contains(id, stored.Str("body"));

        var redriven = await ReadAsync(await admin.PostAsync($"/admin/notify-inbox/{inboxId}/redrive", null));
        Assert.Equal("accepted", redriven.Str("outcome"));
        Assert.Equal("succeeded", (await GetAsync(gateway.ApiClient(), id)).Str("status"));

        // Re-driving again is harmless.
        Assert.Equal("duplicate", (await ReadAsync(await admin.PostAsync($"/admin/notify-inbox/{inboxId}/redrive", null))).Str("outcome"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/notify-inbox/ntf_missing/redrive", null)).StatusCode);
    }

    [Fact]
    public async Task WebhookDeliveries_AreListedWithAttempts_AndCanBeResent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url });
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("resend-1"));
        await ScanAsync(api, created.Str("action.codeUrl"));
        await receiver.WaitForAsync(r => r.Acknowledged.Count == 1, TimeSpan.FromSeconds(15));

        using var admin = Admin(gateway);
        System.Text.Json.Nodes.JsonNode? delivery;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            // The receiver has answered; the dispatcher records the outcome right after.
            var list = await ReadAsync(await admin.GetAsync($"/admin/webhook-deliveries?paymentId={created.Str("id")}"));
            delivery = Assert.Single(list["data"]!.AsArray());
        }
        while (delivery.Str("status") != "delivered" && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));

        Assert.Equal("delivered", delivery!.Str("status"));
        var eventId = delivery.Str("id");
        var detail = await ReadAsync(await admin.GetAsync($"/admin/webhook-deliveries/{eventId}"));
        Assert.Equal("200", Assert.Single(detail["attempts"]!.AsArray()).Str("statusCode"));

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/admin/webhook-deliveries/{eventId}/resend", null)).StatusCode);
        await receiver.WaitForAsync(r => r.Acknowledged.GetValueOrDefault(eventId) == 2, TimeSpan.FromSeconds(15));

        // The payment API key is not an admin key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/admin/webhook-deliveries")).StatusCode);
    }
}
