using System.Net;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.PaysApi;
using Gateway.Refunds;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Reviews;

/// <summary>
/// Giving back money held in review, against the sandbox: a WeChat Native double payment refunded at once under
/// OnUnexpectedPayment=Refund, or by ops through POST /admin/payments/{id}/refund; PaysAPI cannot refund (422).
/// </summary>
public class ReviewRefundTests
{
    private const string AdminKey = "sk_test_admin";

    [Fact]
    public async Task RefundPolicy_DoublePayment_IsRefundedAtOnce_AndTheReviewWebhookNamesTheRefund()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url,
            ["Gateway:Payments:OnUnexpectedPayment"] = "Refund",
        });
        var api = gateway.ApiClient();
        var (first, second) = await DoublePaymentAsync(gateway, "auto-double-1");

        var held = await WaitForAsync(api, first, p => p["reviewRefund"] is not null);
        Assert.Equal(("double_payment", "300"), (held.Str("reviewReason"), held.Str("paidAmount")));
        var refundId = held.Str("reviewRefund.refundId");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/v1/refunds/{refundId}")).StatusCode);
        var refund = await WaitForRefundAsync(api, refundId, "succeeded");
        Assert.Equal(("300", first), (refund.Str("amount"), refund.Str("paymentId")));
        Assert.Equal("refunded", (await WaitForStatusAsync(api, first, "refunded")).Str("status"));
        Assert.Equal("succeeded", (await GetAsync(api, second)).Str("status"));

        await receiver.WaitForAsync(r => Events(r).Any(e => e.Str("type") == "refund.succeeded" && e.Str("data.id") == refundId), TimeSpan.FromSeconds(15));
        var review = Assert.Single(Events(receiver), e => e.Str("type") == "payment.requires_review" && e.Str("data.id") == first);
        Assert.Equal(refundId, review.Str("data.reviewRefund.refundId"));
        Assert.All(receiver.Deliveries, d => Assert.True(WebhookReceiver.Verify(d.Signature, d.Body, GatewayFactory.WebhookSecretA)));
    }

    [Fact]
    public async Task RefundPolicy_ThePlannedRefundIsWritten_InTheHoldsTransaction_ThenSentAtOnce()
    {
        var watch = new HoldWatch();
        using var gateway = GatewayFactory.With(
            new Dictionary<string, string?> { ["Gateway:Payments:OnUnexpectedPayment"] = "Refund" },
            services => services.DecoratePaymentStore(store => new HoldWatch.Store(store, watch)));
        watch.Ledger = gateway.Services.GetRequiredService<RefundLedger>();
        var api = gateway.ApiClient();
        var (first, _) = await DoublePaymentAsync(gateway, "auto-double-row");

        await WaitForAsync(api, first, p => p["reviewRefund"] is not null);
        var (refundId, atHold) = Assert.Single(watch.Holds);
        Assert.NotNull(atHold);
        Assert.Equal((RefundStatus.Pending, 300L, first, (string?)null), (atHold.Status, atHold.Amount, atHold.PaymentId, atHold.ProviderState));

        // Sent by the hold itself, not left for refund sync (its first query is 30 s after creation).
        Assert.Equal("succeeded", (await WaitForRefundAsync(api, refundId, "succeeded", TimeSpan.FromSeconds(15))).Str("status"));
        Assert.Equal("refunded", (await WaitForStatusAsync(api, first, "refunded")).Str("status"));
    }

    [Fact]
    public async Task AdminRefund_GivesBackAHeldPayment_WhichV1CannotRefund()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>());
        var api = gateway.ApiClient();
        var admin = gateway.ApiClient(AdminKey);
        var (first, second) = await DoublePaymentAsync(gateway, "admin-double-1");
        var held = await WaitForAsync(api, first, p => p.Str("status") == "requires_review");
        Assert.Null(held["reviewRefund"]);

        var (v1Status, v1) = await SendAsync(RefundAsync(api, first, 300, "r-held-1"));
        Assert.Equal((HttpStatusCode.Conflict, "invalid_state"), (v1Status, v1.Str("code")));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/admin/payments/{second}/refund", null)).StatusCode);

        var created = await admin.PostAsync($"/admin/payments/{first}/refund", null);
        var refund = await ReadAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, refund.ToJsonString());
        Assert.Equal("300", refund.Str("amount"));
        var again = await admin.PostAsync($"/admin/payments/{first}/refund", null);
        Assert.Equal((HttpStatusCode.OK, refund.Str("id")), (again.StatusCode, (await ReadAsync(again)).Str("id")));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/admin/payments/{first}/accept", null)).StatusCode);

        await WaitForRefundAsync(api, refund.Str("id"), "succeeded");
        Assert.Equal("refunded", (await WaitForStatusAsync(api, first, "refunded")).Str("status"));
        Assert.Equal("succeeded", (await GetAsync(api, second)).Str("status"));
    }

    [Fact]
    public async Task AdminRefund_OfAPaysApiPayment_IsRefundsNotSupported_NamingTheInstance()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>());
        var client = new PaysApiClient(gateway);
        var id = (await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "late-refund-1", 500)).Str("id");
        await gateway.ApiClient().PostAsync($"/v1/payments/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(id)).StatusCode);
        var held = await client.WaitForAsync(GatewayFactory.ClientAKey, id, p => p.Str("status") == "requires_review");

        var response = await gateway.ApiClient(AdminKey).PostAsync($"/admin/payments/{id}/refund", null);
        var problem = await ReadAsync(response);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "refunds_not_supported"), (response.StatusCode, problem.Str("code")));
        Assert.Equal(held.Str("provider"), problem.Str("instance"));
        Assert.Contains("offline-refunds", problem.Str("detail"), StringComparison.Ordinal);
    }

    /// <summary>Two Native payments of one order both paid in the sandbox: the first (failed here, a timeout) is the double payment.</summary>
    private static async Task<(string First, string Second)> DoublePaymentAsync(GatewayFactory gateway, string order)
    {
        var api = gateway.ApiClient();
        var payments = gateway.Services.GetRequiredService<IPaymentStore>();
        var first = await CreateAsync(api, NativePayment(order, 300));
        Assert.True(await payments.TryTransitionAsync(
            new PaymentTransition(first.Str("id"), [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = "timeout" }, DateTimeOffset.UtcNow, default));
        var second = await PaidNativeAsync(api, order, 300);
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(api, first.Str("action.codeUrl"))).StatusCode);
        return (first.Str("id"), second);
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient api, string id, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var payment = await GetAsync(api, id);
        while (!done(payment))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Payment {id} never got there: {payment.ToJsonString()}");
            await Task.Delay(100);
            payment = await GetAsync(api, id);
        }

        return payment;
    }

    /// <summary>What the ledger held for a review's planned refund the moment the review transition returned.</summary>
    private sealed class HoldWatch
    {
        public RefundLedger? Ledger { get; set; }

        public System.Collections.Concurrent.ConcurrentQueue<(string RefundId, RefundRecord? AtHold)> Holds { get; } = new();

        public sealed class Store(IPaymentStore inner, HoldWatch watch) : DelegatingPaymentStore(inner)
        {
            public override async Task<bool> TryTransitionAsync(PaymentTransition transition, DateTimeOffset now, CancellationToken cancellationToken)
            {
                var applied = await base.TryTransitionAsync(transition, now, cancellationToken);
                if (applied && transition.ReviewRefundId is { } refundId)
                {
                    watch.Holds.Enqueue((refundId, await watch.Ledger!.GetAsync(refundId, cancellationToken)));
                }

                return applied;
            }
        }
    }

    private static List<JsonNode> Events(WebhookReceiver receiver)
        => receiver.Deliveries.Where(d => d.Acknowledged).Select(d => JsonNode.Parse(d.Body)!).DistinctBy(e => e.Str("id")).ToList();
}
