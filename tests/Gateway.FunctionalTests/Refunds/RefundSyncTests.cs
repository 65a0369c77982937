using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Refunds;
using Gateway.WeChatPay.Refunds;
using Gateway.WeChatPay.Xml;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>
/// What settles a refund when the notify does not: refund sync (refundquery, and sending a refund never sent), and the
/// sandbox's ops action for the abnormal endings. Refunds here stay PROCESSING at the sandbox until told otherwise.
/// </summary>
public sealed class RefundSyncTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Clients:client-a:WebhookUrl"] = _receiver.Url,
            ["Sandbox:WeChatPay:RefundProcessingTime"] = "01:00:00",
            ["Gateway:Refunds:SyncSchedule:0"] = "00:00:00.300",
            ["Gateway:Refunds:PollInterval"] = "00:00:00.100",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task RefundWrittenButNeverSent_IsSentBySync_ThenSettledByItsNotify()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-crash-1");
        var now = DateTimeOffset.UtcNow;

        // The process "died" between writing the refund and calling the provider: only the row exists.
        var ledger = _gateway.Services.GetRequiredService<RefundLedger>();
        var reservation = await ledger.ReserveAsync(new RefundRecord
        {
            Id = "re_crashbetweenwriteandcall01",
            PaymentId = paymentId,
            ClientId = "client-a",
            ProviderInstance = "wx-a",
            MerchantRefundId = "r-crash-1",
            Amount = 40,
            Currency = "CNY",
            Status = RefundStatus.Pending,
            Source = "api",
            CreatedAt = now,
            UpdatedAt = now,
            NextSyncAt = now,
        }, default);
        Assert.Equal(ReservationOutcome.Reserved, reservation.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/sandbox/wechatpay/refunds/re_crashbetweenwriteandcall01")).StatusCode);

        // Sync asks refundquery (REFUNDNOTEXIST), sends it under the same id, and later sees it PROCESSING.
        var sent = await WaitForSandboxAsync(api, "re_crashbetweenwriteandcall01");
        Assert.Equal("PROCESSING", sent.Str("status"));
        Assert.Equal("40", sent.Str("refundFee"));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/sandbox/wechatpay/refunds/re_crashbetweenwriteandcall01/settle", new { status = "SUCCESS" })).StatusCode);
        var done = await WaitForRefundAsync(api, "re_crashbetweenwriteandcall01", "succeeded");
        Assert.StartsWith("5000", done.Str("providerRefundId"));
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));
    }

    [Fact]
    public async Task Change_FailsTheRefund_WithTheProviderCode_ReleasesTheAmount_AndIsListedForOps()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-change-1");
        var refund = await CreatedRefundAsync(api, paymentId, 100, "r-change-1");

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/sandbox/wechatpay/refunds/{refund.Str("id")}/settle", new { status = "CHANGE" })).StatusCode);
        var failed = await WaitForRefundAsync(api, refund.Str("id"), "failed");
        Assert.Equal("CHANGE", failed.Str("error.code"));
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));

        using var admin = _gateway.ApiClient("sk_test_admin");
        var listed = await ReadAsync(await admin.GetAsync("/admin/refunds?status=failed"));
        Assert.Contains(listed["data"]!.AsArray(), r => r.Str("id") == refund.Str("id"));
        await _receiver.WaitForAsync(r => r.Deliveries.Any(d => d.Body.Contains("\"refund.failed\"", StringComparison.Ordinal) && d.Body.Contains(refund.Str("id"), StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        // The failed refund no longer reserves anything: the whole amount can be refunded again.
        var again = await CreatedRefundAsync(api, paymentId, 100, "r-change-2");
        Assert.Equal("pending", again.Str("status"));
    }

    [Fact]
    public async Task RefundClose_WhoseNotifyIsLost_IsFoundByRefundQuery_AndFailsTheRefund()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-close-1");
        var refund = await CreatedRefundAsync(api, paymentId, 20, "r-close-1");

        // Ended without a notify: only refund sync's refundquery can learn it.
        var settle = await api.PostAsJsonAsync($"/sandbox/wechatpay/refunds/{refund.Str("id")}/settle", new { status = "REFUNDCLOSE", notify = false });
        Assert.Equal(HttpStatusCode.OK, settle.StatusCode);
        var failed = await WaitForRefundAsync(api, refund.Str("id"), "failed");
        Assert.Equal("REFUNDCLOSE", failed.Str("error.code"));
        Assert.Equal("REFUNDCLOSE", failed.Str("providerState"));
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));
    }

    [Fact]
    public async Task RefundNotify_UnderAnotherKey_OrDisagreeing_IsRefused_AndChangesNothing()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-forged-1");
        var refund = await CreatedRefundAsync(api, paymentId, 30, "r-forged-1");
        var id = refund.Str("id");

        async Task<string> PostAsync(string key, long fee)
        {
            var info = RefundRequestInfo.Encrypt(
                [new("out_refund_no", id), new("out_trade_no", paymentId), new("refund_fee", fee.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                 new("total_fee", "100"), new("refund_status", "SUCCESS"), new("refund_id", refund.Str("providerRefundId"))], key);
            var body = WeChatXml.Write([new("return_code", "SUCCESS"), new("mch_id", GatewayFactory.MchA), new("req_info", info)]);
            var response = await api.PostAsync("/notify/wx-a/refund", new StringContent(body, System.Text.Encoding.UTF8, "text/xml"));
            return WeChatXml.Parse(await response.Content.ReadAsStringAsync())["return_code"];
        }

        Assert.Equal("FAIL", await PostAsync(GatewayFactory.MerchantBKey, 30)); // another merchant's key
        Assert.Equal("FAIL", await PostAsync(GatewayFactory.MerchantAKey, 31)); // the right key, the wrong amount
        Assert.Equal("pending", (await ReadAsync(await api.GetAsync($"/v1/refunds/{id}"))).Str("status"));

        Assert.Equal("SUCCESS", await PostAsync(GatewayFactory.MerchantAKey, 30));
        Assert.Equal("SUCCESS", await PostAsync(GatewayFactory.MerchantAKey, 30)); // a duplicate is acknowledged, changes nothing
        Assert.Equal("succeeded", (await ReadAsync(await api.GetAsync($"/v1/refunds/{id}"))).Str("status"));
        await _receiver.WaitForAsync(r => r.Deliveries.Count(d => d.Body.Contains(id, StringComparison.Ordinal)) >= 1, TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        Assert.Single(_receiver.Deliveries.Where(d => d.Body.Contains(id, StringComparison.Ordinal)).Select(d => d.EventId).Distinct());
    }

    [Theory]
    [InlineData("out_trade_no")]
    [InlineData("refund_id")]
    [InlineData("total_fee")]
    public async Task RefundNotify_NamingAnotherPaymentProviderRefundOrTotal_IsRefused_AndChangesNothing(string field)
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, $"refund-mismatch-{field}");
        var other = await PaidNativeAsync(api, $"refund-mismatch-{field}-other");
        var accepted = await CreatedRefundAsync(api, paymentId, 30, $"r-mismatch-{field}");
        var id = accepted.Str("id");
        Dictionary<string, string> fields = new()
        {
            ["out_refund_no"] = id, ["out_trade_no"] = paymentId, ["refund_fee"] = "30", ["settlement_refund_fee"] = "30", ["total_fee"] = "100",
            ["refund_status"] = "SUCCESS", ["refund_id"] = accepted.Str("providerRefundId"),
        };
        fields[field] = field switch { "out_trade_no" => other, "refund_id" => "50000000000000000000000000999", _ => "101" };
        var info = RefundRequestInfo.Encrypt(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList(), GatewayFactory.MerchantAKey);
        var body = WeChatXml.Write([new("return_code", "SUCCESS"), new("mch_id", GatewayFactory.MchA), new("req_info", info)]);

        var response = await api.PostAsync("/notify/wx-a/refund", new StringContent(body, System.Text.Encoding.UTF8, "text/xml"));

        Assert.Equal("FAIL", WeChatXml.Parse(await response.Content.ReadAsStringAsync())["return_code"]);
        var after = await ReadAsync(await api.GetAsync($"/v1/refunds/{id}"));
        Assert.Equal(("pending", accepted.Str("providerRefundId")), (after.Str("status"), after.Str("providerRefundId")));
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> WaitForSandboxAsync(HttpClient api, string outRefundNo)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var response = await api.GetAsync($"/sandbox/wechatpay/refunds/{outRefundNo}");
            if (response.IsSuccessStatusCode)
            {
                return await ReadAsync(response);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The sandbox never received refund {outRefundNo}.");
        return null!;
    }
}
