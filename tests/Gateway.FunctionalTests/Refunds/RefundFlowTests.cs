using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>
/// Refunds of a WeChat Native payment against the sandbox: secapi/pay/refund over mutual TLS with the test-mode client
/// certificate, the encrypted refund notify settling each refund, the payment's refunded states, and the webhooks.
/// </summary>
public sealed class RefundFlowTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Clients:client-a:WebhookUrl"] = _receiver.Url,
            // Merchant B (client-b's wx-b) can give back at most 10 fen: beyond that WeChat answers NOTENOUGH.
            ["Sandbox:WeChatPay:Merchants:2:RefundableBalance"] = "10",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ThirtyThenSeventy_SettledByTheEncryptedNotify_PaymentRefunded_ThirdRefused_WebhooksSigned()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-flow-1");

        var first = await CreatedRefundAsync(api, paymentId, 30, "r-flow-1");
        Assert.StartsWith("re_", first.Str("id"));
        Assert.Equal("pending", first.Str("status"));
        Assert.Equal(paymentId, first.Str("paymentId"));
        Assert.StartsWith("5000", first.Str("providerRefundId"));
        var firstDone = await WaitForRefundAsync(api, first.Str("id"), "succeeded");
        Assert.Equal("SUCCESS", firstDone.Str("providerState"));
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));

        var second = await CreatedRefundAsync(api, paymentId, 70, "r-flow-2");
        await WaitForRefundAsync(api, second.Str("id"), "succeeded");
        Assert.Equal("refunded", (await GetAsync(api, paymentId)).Str("status"));

        var (status, third) = await SendAsync(RefundAsync(api, paymentId, 1, "r-flow-3"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("refund_exceeds_paid", third.Str("code"));
        Assert.Equal("0", third.Str("remaining"));

        // The sandbox settled both through its own refund notify (no query was needed), and agrees.
        var sandbox = await ReadAsync(await api.GetAsync($"/sandbox/wechatpay/refunds/{second.Str("id")}"));
        Assert.Equal("SUCCESS", sandbox.Str("status"));
        var listed = await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds"));
        Assert.Equal([first.Str("id"), second.Str("id")], listed["data"]!.AsArray().Select(r => r.Str("id")));
        var found = await ReadAsync(await api.GetAsync("/v1/refunds?merchantRefundId=r-flow-2"));
        Assert.Equal(second.Str("id"), found["data"]![0].Str("id"));

        await _receiver.WaitForAsync(r => r.Deliveries.Count(d => d.Body.Contains("\"refund.succeeded\"", StringComparison.Ordinal)) >= 2, TimeSpan.FromSeconds(15));
        var refundEvents = _receiver.Deliveries.Where(d => d.Body.Contains("\"refund.succeeded\"", StringComparison.Ordinal)).ToList();
        Assert.All(refundEvents, d => Assert.True(WebhookReceiver.Verify(d.Signature, d.Body, GatewayFactory.WebhookSecretA)));
        var statuses = refundEvents.Select(d => JsonNode.Parse(d.Body)!).ToDictionary(e => e.Str("data.id"), e => e.Str("payment.status"));
        Assert.Equal("partially_refunded", statuses[first.Str("id")]);
        Assert.Equal("refunded", statuses[second.Str("id")]);
    }

    [Fact]
    public async Task TestModeDemo_WxSandboxInstance_RefundsOverItsGeneratedClientCertificate()
    {
        // The README walk-through: the demo client and the test-mode instance, whose certificate test mode issued.
        var demo = _gateway.ApiClient("sk_test_demo_shop");
        var created = await CreateAsync(demo, NativePayment("demo-refund-1", 100));
        Assert.Equal("wx-sandbox", created.Str("provider"));
        await ScanAsync(demo, created.Str("action.codeUrl"));
        await WaitForStatusAsync(demo, created.Str("id"), "succeeded");

        var refund = await CreatedRefundAsync(demo, created.Str("id"), 30, "demo-r-1");
        await WaitForRefundAsync(demo, refund.Str("id"), "succeeded");
        Assert.Equal("partially_refunded", (await GetAsync(demo, created.Str("id"))).Str("status"));
    }

    [Fact]
    public async Task NotEnough_AtWeChat_FailsTheRefund_WithTheProviderCode_AndReleasesTheAmount()
    {
        var api = _gateway.ApiClient(GatewayFactory.ClientBKey);
        var paymentId = await PaidNativeAsync(api, "refund-notenough-1");

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 20, "r-notenough-1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("provider_rejected", problem.Str("code"));
        Assert.Equal("NOTENOUGH", problem.Str("providerCode"));
        Assert.Equal("wx-b", problem.Str("instance"));
        var failed = await ReadAsync(await api.GetAsync($"/v1/refunds/{problem.Str("refundId")}"));
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal("NOTENOUGH", failed.Str("error.code"));

        var fits = await CreatedRefundAsync(api, paymentId, 10, "r-notenough-2");
        await WaitForRefundAsync(api, fits.Str("id"), "succeeded");
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheFirstAnswer_AndRefusesAnotherBody()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-idemkey-1");
        async Task<HttpResponseMessage> Post(long amount)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/payments/{paymentId}/refunds")
            {
                Content = JsonContent.Create(new { amount, merchantRefundId = "r-idemkey-1" }),
            };
            request.Headers.Add("Idempotency-Key", "idem-refund-1");
            return await api.SendAsync(request);
        }

        var first = await ReadAsync(await Post(25));
        var replay = await Post(25);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(first.Str("id"), (await ReadAsync(replay)).Str("id"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(26)).StatusCode);
        Assert.Single((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
    }

    [Fact]
    public async Task MerchantRefundId_SameTermsReturnTheSameRefund_OtherTermsAreRefused()
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-idem-1");
        var first = await CreatedRefundAsync(api, paymentId, 10, "r-idem-1");

        var (againStatus, again) = await SendAsync(RefundAsync(api, paymentId, 10, "r-idem-1"));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(first.Str("id"), again.Str("id"));

        var (otherStatus, other) = await SendAsync(RefundAsync(api, paymentId, 11, "r-idem-1"));
        Assert.Equal(HttpStatusCode.Conflict, otherStatus);
        Assert.Equal("duplicate_merchant_refund", other.Str("code"));
        Assert.Single((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    public async Task AmountOutsideWhatRemains_IsRefundExceedsPaid_AndWritesNothing(long amount)
    {
        var api = _gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, $"refund-amount-{amount}");
        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, amount, $"r-amount-{amount}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("refund_exceeds_paid", problem.Str("code"));
        Assert.Empty((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
    }

    [Fact]
    public async Task UnpaidPayment_IsInvalidState_BadBody_IsInvalidRequest_OtherClients_NotFound()
    {
        var api = _gateway.ApiClient();
        var pending = await CreateAsync(api, NativePayment("refund-unpaid"));
        var (status, problem) = await SendAsync(RefundAsync(api, pending.Str("id"), 1, "r-unpaid"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("invalid_state", problem.Str("code"));

        var paymentId = await PaidNativeAsync(api, "refund-bad-body");
        var bad = await api.PostAsync($"/v1/payments/{paymentId}/refunds", new StringContent("{\"amount\":1.5}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (noIdStatus, noId) = await SendAsync(RefundAsync(api, paymentId, 1, "bad id with spaces\u0001"));
        Assert.Equal(HttpStatusCode.BadRequest, noIdStatus);
        Assert.Equal("invalid_request", noId.Str("code"));

        var (otherStatus, _) = await SendAsync(RefundAsync(_gateway.ApiClient(GatewayFactory.ClientBKey), paymentId, 1, "r-other"));
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Empty((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
    }
}
