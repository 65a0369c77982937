using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.PaysApi;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reviews;

/// <summary>
/// Money received is never lost, end to end against the sandbox: an underpaid PaysAPI order, a paid order
/// after its close and a second payment of one order all end requires_review (with their webhook), never
/// expired; a WeChat FAIL notify leaves the payment pending so the real SUCCESS still counts.
/// </summary>
public class ReceivedMoneyTests
{
    private const string Merchant = GatewayFactory.ClientAKey;
    private const string AdminKey = "sk_test_admin";

    private static async Task<Dictionary<string, string?>> SettingsAsync(string store, WebhookReceiver receiver)
    {
        var settings = store == "postgres" ? await TestServices.BackendAsync("postgres") : new Dictionary<string, string?>();
        settings["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url;
        settings["Gateway:Sync:Schedule:0"] = "00:00:00.300";
        settings["Gateway:Sync:Schedule:1"] = "00:00:00.300";
        return settings;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task UnderpaidPaysApiOrder_IsHeldForReview_NeverExpires_ThenAcceptedAsPaid(string store)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new ShiftedTimeProvider();
        using var gateway = GatewayFactory.With(await SettingsAsync(store, receiver), services => services.AddSingleton<TimeProvider>(clock));
        var client = new PaysApiClient(gateway);
        var id = (await client.CreateAsync(Merchant, "paysapi.wechat", "under-1", 1000)).Str("id");
        var control = (await client.CreateAsync(Merchant, "paysapi.wechat", "under-control", 1000)).Str("id");

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(id, realPrice: "9.90")).StatusCode);
        var held = await client.WaitForAsync(Merchant, id, p => p.Str("status") != "pending");
        Assert.Equal(("requires_review", "amount_mismatch", "990"), (held.Str("status"), held.Str("reviewReason"), held.Str("paidAmount")));
        Assert.Equal((await client.SandboxOrderAsync(id)).Str("paysApiId"), held.Str("providerTransactionId"));
        await receiver.WaitForAsync(r => EventTypes(r, id).Contains("payment.requires_review"), TimeSpan.FromSeconds(15));

        // Past both expiries: the sync worker expires the unpaid control, and leaves the held payment alone.
        clock.Advance(TimeSpan.FromHours(3));
        var payments = gateway.Services.GetRequiredService<IPaymentStore>();
        await WaitAsync(() => payments.GetAsync(control, default), p => p!.Status == PaymentStatus.Expired);
        Assert.Equal(PaymentStatus.RequiresReview, (await payments.GetAsync(id, default))!.Status);

        var admin = gateway.ApiClient(AdminKey);
        var reviews = (await ReadAsync(await admin.GetAsync("/admin/reviews")))["data"]!.AsArray();
        Assert.Equal([id], reviews.Select(r => r!.Str("payment.id")));
        var accepted = await admin.PostAsync($"/admin/payments/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var paid = await GetAsync(gateway.ApiClient(Merchant), id);
        Assert.Equal(("succeeded", "990", "amount_mismatch"), (paid.Str("status"), paid.Str("paidAmount"), paid.Str("reviewReason")));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/admin/payments/{id}/accept", null)).StatusCode);
        await receiver.WaitForAsync(r => EventTypes(r, id).Order().SequenceEqual(["payment.requires_review", "payment.succeeded"]), TimeSpan.FromSeconds(15));
        Assert.All(receiver.Deliveries, d => Assert.True(WebhookReceiver.Verify(d.Signature, d.Body, GatewayFactory.WebhookSecretA)));
        Assert.Empty((await ReadAsync(await admin.GetAsync("/admin/reviews")))["data"]!.AsArray());
    }

    [Fact]
    public async Task WeChatFailNotify_IsRecorded_LeavesItPending_AndTheLaterSuccessWins()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(await SettingsAsync("sqlite", receiver));
        var api = gateway.ApiClient(Merchant);
        var created = await CreateAsync(api, NativePayment("fail-then-pay", amount: 300));
        var id = created.Str("id");

        var fail = WeChatNotify(id, 300, resultCode: "FAIL", errCode: "NOTENOUGH");
        Assert.Equal("SUCCESS", await PostWeChatNotifyAsync(gateway, fail));
        var pending = await GetAsync(api, id);
        Assert.Equal(("pending", "NOTENOUGH"), (pending.Str("status"), pending.Str("error.code")));

        Assert.True((await ScanAsync(api, created.Str("action.codeUrl"))).IsSuccessStatusCode);
        var paid = await WaitForStatusAsync(api, id, "succeeded");
        Assert.Equal("300", paid.Str("paidAmount"));
        Assert.StartsWith("4200", paid.Str("providerTransactionId"), StringComparison.Ordinal);
        await receiver.WaitForAsync(r => EventTypes(r, id).SequenceEqual(["payment.succeeded"]), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("payment.failed", EventTypes(receiver, id));
    }

    [Fact]
    public async Task PaidAfterClose_IsALatePayment_HeldForReview()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(await SettingsAsync("sqlite", receiver));
        var client = new PaysApiClient(gateway);
        var id = (await client.CreateAsync(Merchant, "paysapi.wechat", "late-1", 500)).Str("id");
        var closed = await gateway.ApiClient(Merchant).PostAsync($"/v1/payments/{id}/close", null);
        Assert.Equal("closed", (await ReadAsync(closed)).Str("status"));

        // A personal QR cannot be withdrawn: the payer still pays it.
        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(id)).StatusCode);

        var held = await client.WaitForAsync(Merchant, id, p => p.Str("status") != "closed");
        Assert.Equal(("requires_review", "late_payment", "500"), (held.Str("status"), held.Str("reviewReason"), held.Str("paidAmount")));
        await client.WaitForSandboxNotifyAsync(id, "delivered");
        await receiver.WaitForAsync(r => EventTypes(r, id).Order().SequenceEqual(["payment.closed", "payment.requires_review"]), TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoPaymentsOfOneOrderBothPaid_TheSecondIsADoublePayment(string store)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(await SettingsAsync(store, receiver));
        var client = new PaysApiClient(gateway);
        var payments = gateway.Services.GetRequiredService<IPaymentStore>();
        var first = (await client.CreateAsync(Merchant, "paysapi.wechat", "double-1", 700)).Str("id");
        // The first attempt failed here (a timeout, say) after the provider had taken the order; the shop retries.
        Assert.True(await payments.TryTransitionAsync(
            new PaymentTransition(first, [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = "timeout" }, DateTimeOffset.UtcNow, default));
        var second = (await client.CreateAsync(Merchant, "paysapi.wechat", "double-1", 700)).Str("id");

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(second)).StatusCode);
        await client.WaitForAsync(Merchant, second, p => p.Str("status") == "succeeded");
        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(first)).StatusCode);

        var held = await client.WaitForAsync(Merchant, first, p => p.Str("status") != "failed");
        Assert.Equal(("requires_review", "double_payment", "700"), (held.Str("status"), held.Str("reviewReason"), held.Str("paidAmount")));
        Assert.Contains(second, held.Str("reviewDetail"), StringComparison.Ordinal);
        var refused = await gateway.ApiClient(AdminKey).PostAsync($"/admin/payments/{first}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("order_already_paid", (await ReadAsync(refused)).Str("code"));
        await receiver.WaitForAsync(r => EventTypes(r, first).SequenceEqual(["payment.requires_review"]), TimeSpan.FromSeconds(15));
    }

    /// <summary>The event types delivered for a payment, once each, in delivery order (which the gateway does not promise).</summary>
    private static List<string> EventTypes(WebhookReceiver receiver, string paymentId)
        => receiver.Deliveries.Where(d => d.Acknowledged).Select(d => JsonNode.Parse(d.Body)!)
            .Where(e => e.Str("data.id") == paymentId).DistinctBy(e => e.Str("id")).Select(e => e.Str("type")).ToList();

    private static string WeChatNotify(string paymentId, long totalFee, string resultCode, string errCode)
    {
        var fields = new Dictionary<string, string>
        {
            ["return_code"] = "SUCCESS",
            ["appid"] = GatewayFactory.AppA,
            ["mch_id"] = GatewayFactory.MchA,
            ["nonce_str"] = Guid.NewGuid().ToString("N"),
            ["result_code"] = resultCode,
            ["err_code"] = errCode,
            ["err_code_des"] = "balance too low",
            ["openid"] = "oTestPayer",
            ["trade_type"] = "NATIVE",
            ["bank_type"] = "OTHERS",
            ["total_fee"] = totalFee.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fee_type"] = "CNY",
            ["cash_fee"] = totalFee.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["transaction_id"] = "4200000000202611290000000009",
            ["out_trade_no"] = paymentId,
            ["time_end"] = "20261129203000",
        };
        fields["sign"] = IndependentWeChatSigner.Md5(fields, GatewayFactory.MerchantAKey);
        return IndependentWeChatSigner.Xml(fields);
    }

    private static async Task<string> PostWeChatNotifyAsync(GatewayFactory gateway, string body)
    {
        var response = await gateway.ApiClient(apiKey: null).PostAsync("/notify/wx-a", new StringContent(body, Encoding.UTF8, "text/xml"));
        return XElement.Parse(await response.Content.ReadAsStringAsync()).Element("return_code")!.Value;
    }

    private static async Task WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!done(await read()))
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(100);
        }
    }
}
