using System.Text;
using Gateway.Client;
using Gateway.Client.Payments;
using Gateway.Client.Problems;
using Gateway.Client.Webhooks;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests.Client;

/// <summary>The typed client against the real gateway: create, pay in the sandbox, read, verify the webhook.</summary>
public sealed class GatewayClientFlowTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Create_Pay_Read_AndVerifyTheWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = Client();

        var created = await client.CreatePaymentAsync(new CreatePaymentRequest
        {
            Channel = Channels.WeChatNative, MerchantOrderId = "client-flow-1", Amount = 321, Description = "Client tea",
            ClientIp = "203.0.113.20", NotifyUrl = receiver.Url, Metadata = new Dictionary<string, string> { ["via"] = "client" },
        });
        Assert.Equal(PaymentStatuses.Pending, created.Status);
        Assert.Equal(PaymentActionTypes.QrCode, created.Action?.Type);

        (await ApiCalls.ScanAsync(gateway.ApiClient(), created.Action!.CodeUrl!)).EnsureSuccessStatusCode();
        var paid = await WaitForAsync(client, created.Id, PaymentStatuses.Succeeded);
        Assert.Equal(321, paid.PaidAmount);
        Assert.Equal("client", paid.Metadata["via"]);
        Assert.Contains(await client.FindPaymentsAsync("client-flow-1"), p => p.Id == created.Id);

        await receiver.WaitForAsync(r => r.Deliveries.Any(d => d.Body.Contains(created.Id, StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        var delivery = receiver.Deliveries.First(d => d.Body.Contains(created.Id, StringComparison.Ordinal));
        var verifier = new WebhookVerifier([GatewayFactory.WebhookSecretA2]); // the second secret of a rotation
        var evt = verifier.VerifyAndParse(Encoding.UTF8.GetBytes(delivery.Body), delivery.Signature);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, evt.Type);
        Assert.Equal(created.Id, evt.Data.Id);
        Assert.Equal(WebhookVerification.SignatureMismatch,
            new WebhookVerifier(["not-the-secret-0123"]).Verify(Encoding.UTF8.GetBytes(delivery.Body), delivery.Signature));
    }

    [Fact]
    public async Task TheSameKey_ReplaysTheFirstAnswer_AndRefusalsCarryTheirCode()
    {
        var client = Client();
        var order = new CreatePaymentRequest
        {
            Channel = Channels.WeChatNative, MerchantOrderId = "client-flow-2", Amount = 5, Description = "Client tea", ClientIp = "203.0.113.21",
        };

        var first = await client.CreatePaymentAsync(order, idempotencyKey: "client-flow-2-key");
        var replay = await client.CreatePaymentAsync(order, idempotencyKey: "client-flow-2-key");
        Assert.Equal(first.Id, replay.Id);

        var duplicate = await Assert.ThrowsAsync<GatewayProblemException>(() => client.CreatePaymentAsync(order));
        Assert.Equal(ProblemCodes.DuplicateMerchantOrder, duplicate.Code);
        Assert.Equal(409, duplicate.Status);

        var invalid = await Assert.ThrowsAsync<GatewayProblemException>(() => client.CreatePaymentAsync(order with { MerchantOrderId = "client-flow-3", Amount = 0 }));
        Assert.Equal(ProblemCodes.InvalidRequest, invalid.Code);
        Assert.Contains("amount", invalid.Errors.Keys);

        var closed = await client.ClosePaymentAsync(first.Id);
        Assert.Equal(PaymentStatuses.Closed, closed.Status);
        var missing = await Assert.ThrowsAsync<GatewayProblemException>(() => client.GetPaymentAsync("pay_does_not_exist"));
        Assert.Equal(ProblemCodes.NotFound, missing.Code);
    }

    private GatewayClient Client()
    {
        var services = new ServiceCollection();
        services.AddGatewayClient(o =>
        {
            o.BaseAddress = new Uri(gateway.BaseUrl);
            o.ApiKey = GatewayFactory.ClientAKey;
        });
        return services.BuildServiceProvider().GetRequiredService<GatewayClient>();
    }

    private static async Task<Payment> WaitForAsync(GatewayClient client, string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Payment payment;
        do
        {
            payment = await client.GetPaymentAsync(id);
            if (payment.Status == status)
            {
                return payment;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Payment {id} is {payment.Status}, expected {status}.");
        return payment;
    }
}
