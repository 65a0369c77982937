using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;

namespace Gateway.Plugins.WeChatPayV3.Tests;

public sealed class RefundsTests
{
    private const string Accepted = "{\"refund_id\":\"50000000382019052709732678859\",\"out_refund_no\":\"re_1\",\"transaction_id\":\"4200\",\"out_trade_no\":\"pay_1\",\"channel\":\"ORIGINAL\",\"user_received_account\":\"支付用户零钱\",\"create_time\":\"2026-11-29T18:00:00+08:00\",\"status\":\"PROCESSING\",\"funds_account\":\"AVAILABLE\",\"amount\":{\"total\":1200,\"refund\":300,\"payer_total\":1200,\"payer_refund\":300,\"currency\":\"CNY\"}}";
    private readonly PluginHarness _harness = new();

    [Fact]
    public void IsARefundProvider_AlwaysAvailable()
        => Assert.Null(Assert.IsAssignableFrom<IRefundProvider>(_harness.Instance).RefundsUnavailableReason);

    [Fact]
    public async Task Refund_SendsASignedRequest_WithTheWireFields_AndIsAcceptedOnly()
    {
        _harness.Server.Reply(200, Accepted);

        var result = await _harness.Instance.RefundAsync(Request(reason: new string('退', 90)), default);

        Assert.Equal(new RefundResult("50000000382019052709732678859", "PROCESSING"), result.Value);
        var (request, body) = _harness.Server.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.wx.test/v3/refund/domestic/refunds", request.RequestUri!.ToString());
        TransactionsTests.AssertSignedByMerchant(request, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("re_1", json.Str("out_refund_no"));
        Assert.Equal("pay_1", json.Str("out_trade_no"));
        Assert.Null(json["transaction_id"]);
        Assert.Equal(PluginHarness.NotifyUrl.ToString(), json.Str("notify_url"));
        Assert.Equal(80, json.Str("reason").Length);
        Assert.Equal(("300", "1200", "CNY"), (json["amount"]!.Str("refund"), json["amount"]!.Str("total"), json["amount"]!.Str("currency")));
    }

    [Fact]
    public async Task Refund_NamesTheOrderByTransactionId_OnceKnown()
    {
        _harness.Server.Reply(200, Accepted);

        await _harness.Instance.RefundAsync(Request() with { Payment = new PaymentQuery("pay_1", "4200", 1200) }, default);

        var json = JsonNode.Parse(_harness.Server.Requests.Single().Body)!;
        Assert.Equal("4200", json.Str("transaction_id"));
        Assert.Null(json["out_trade_no"]);
    }

    [Theory]
    [InlineData(403, "NOT_ENOUGH", ProviderErrorKind.Rejected)]
    [InlineData(400, "INVALID_REQUEST", ProviderErrorKind.Rejected)]
    [InlineData(404, "RESOURCE_NOT_EXISTS", ProviderErrorKind.Rejected)]
    [InlineData(401, "SIGN_ERROR", ProviderErrorKind.Rejected)]
    [InlineData(429, "FREQUENCY_LIMITED", ProviderErrorKind.Transient)]
    [InlineData(500, "SYSTEM_ERROR", ProviderErrorKind.Transient)]
    public async Task Refund_ErrorReplies_KeepTheirCode(int status, string code, ProviderErrorKind kind)
    {
        _harness.Server.Reply(status, $"{{\"code\":\"{code}\",\"message\":\"m\"}}");

        var result = await _harness.Instance.RefundAsync(Request(), default);

        Assert.Equal((kind, code), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task Refund_AReplyAboutAnotherRefund_LeavesTheOutcomeUnknown()
    {
        _harness.Server.Reply(200, Accepted.Replace("\"re_1\"", "\"re_2\"", StringComparison.Ordinal));

        var result = await _harness.Instance.RefundAsync(Request(), default);

        Assert.Equal(ProviderErrorKind.Transient, result.Error!.Kind);
    }

    [Fact]
    public async Task Refund_MoreThanTheTotal_IsInvalid_AndCallsNothing()
    {
        var result = await _harness.Instance.RefundAsync(Request() with { RefundAmount = 1201 }, default);

        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Empty(_harness.Server.Requests);
    }

    [Theory]
    [InlineData("SUCCESS", RefundState.Succeeded)]
    [InlineData("PROCESSING", RefundState.Processing)]
    [InlineData("ABNORMAL", RefundState.Failed)]
    [InlineData("CLOSED", RefundState.Failed)]
    public async Task Query_MapsTheStatus(string status, RefundState state)
    {
        _harness.Server.Reply(200, Accepted.Replace("\"PROCESSING\"", $"\"{status}\",\"success_time\":\"2026-11-29T18:30:00+08:00\"", StringComparison.Ordinal));

        var result = await Provider.QueryRefundAsync(new RefundQuery("re_1", "pay_1"), default);

        Assert.Equal((state, status, 300L), (result.Value!.State, result.Value.ProviderState, result.Value.Amount));
        Assert.Equal("50000000382019052709732678859", result.Value.ProviderRefundId);
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T10:30:00Z", System.Globalization.CultureInfo.InvariantCulture), result.Value.SucceededAt);
        var request = _harness.Server.Requests.Single().Request;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.wx.test/v3/refund/domestic/refunds/re_1", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task Query_ResourceNotExists_IsNotFound_OtherRefusalsAreErrors()
    {
        _harness.Server.Reply(404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"退款单不存在\"}");
        _harness.Server.Reply(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"m\"}");

        var missing = await Provider.QueryRefundAsync(new RefundQuery("re_1", "pay_1"), default);
        var failing = await Provider.QueryRefundAsync(new RefundQuery("re_1", "pay_1"), default);

        Assert.Equal(RefundState.NotFound, missing.Value!.State);
        Assert.Equal(ProviderErrorKind.Transient, failing.Error!.Kind);
    }

    private IRefundProvider Provider => (IRefundProvider)_harness.Instance;

    private static RefundRequest Request(string? reason = null) => new()
    {
        Payment = new PaymentQuery("pay_1", null, 1200),
        RefundId = "re_1",
        TotalAmount = 1200,
        RefundAmount = 300,
        Currency = "CNY",
        Reason = reason,
    };
}
