using System.Net;
using System.Text.Json;
using Gateway.Client.Payments;
using Gateway.Client.Problems;
using Microsoft.Extensions.Options;

namespace Gateway.Client.Http.Tests;

public sealed class GatewayClientTests
{
    private const string PaymentJson = """
        {"id":"pay_1","status":"pending","channel":"wechat.native","provider":"wx-main","merchantOrderId":"o-1","amount":100,
         "currency":"CNY","description":"Tea","createdAt":"2026-01-01T00:00:00Z","expiresAt":"2026-01-01T02:00:00Z",
         "action":{"type":"qr_code","codeUrl":"weixin://wxpay/bizpayurl?pr=abc","qrImageUrl":"/v1/payments/pay_1/qr.png"},"metadata":{"k":"v"}}
        """;

    private static readonly CreatePaymentRequest Order = new()
    {
        Channel = Channels.WeChatNative, MerchantOrderId = "o-1", Amount = 100, Description = "Tea", ClientIp = "203.0.113.7",
    };

    [Fact]
    public async Task Create_SendsKeyAuthAndCamelCaseBody_AndReadsThePayment()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.Created, PaymentJson));

        var payment = await client.CreatePaymentAsync(Order);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/v1/payments", sent.PathAndQuery);
        Assert.Equal("Bearer sk_test_key", sent.Authorization);
        Assert.StartsWith("gwc_", sent.IdempotencyKey);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal(100, body.RootElement.GetProperty("amount").GetInt64());
        Assert.Equal("CNY", body.RootElement.GetProperty("currency").GetString());
        Assert.False(body.RootElement.TryGetProperty("payer", out _)); // nulls are left out
        Assert.Equal(PaymentStatuses.Pending, payment.Status);
        Assert.Equal(PaymentActionTypes.QrCode, payment.Action!.Type);
        Assert.Equal("weixin://wxpay/bizpayurl?pr=abc", payment.Action.CodeUrl);
        Assert.Equal("v", payment.Metadata["k"]);
    }

    [Fact]
    public async Task Create_UsesTheCallersKey()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.Created, PaymentJson));

        await client.CreatePaymentAsync(Order, idempotencyKey: "order-o-1");

        Assert.Equal("order-o-1", Assert.Single(handler.Requests).IdempotencyKey);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Post_IsRetriedWhenNothingHappened_WithTheSameKey(HttpStatusCode first)
    {
        var (client, handler) = Build(h => h.Reply(first, Problem("rate_limited", (int)first), "application/problem+json")
            .Reply(HttpStatusCode.Created, PaymentJson));

        var payment = await client.CreatePaymentAsync(Order);

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Post_IsRetriedAfterALostConnection_WithTheSameKey()
    {
        var (client, handler) = Build(h => h.Drop().Reply(HttpStatusCode.Created, PaymentJson));

        await client.CreatePaymentAsync(Order);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Post_IsNotRetriedAfterTheProviderFailed()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.BadGateway,
            """{"code":"provider_unavailable","title":"The provider refused the payment.","status":502,"providerCode":"SYSTEMERROR","paymentId":"pay_9"}""",
            "application/problem+json"));

        var problem = await Assert.ThrowsAsync<GatewayProblemException>(() => client.CreatePaymentAsync(Order));

        Assert.Single(handler.Requests);
        Assert.Equal(ProblemCodes.ProviderUnavailable, problem.Code);
        Assert.Equal(502, problem.Status);
        Assert.Equal("SYSTEMERROR", problem.ProviderCode);
        Assert.Equal("pay_9", problem.PaymentId);
    }

    [Fact]
    public async Task Get_IsRetriedOnTransientFailures()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.ServiceUnavailable, "{}").Reply(HttpStatusCode.OK, PaymentJson));

        var payment = await client.GetPaymentAsync("pay_1");

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Null(r.IdempotencyKey));
    }

    [Fact]
    public async Task InvalidRequest_CarriesEveryBadField()
    {
        var (client, _) = Build(h => h.Reply(HttpStatusCode.BadRequest,
            """{"title":"The request is invalid.","status":400,"code":"invalid_request","errors":{"amount":["must be at least 1."],"currency":["must be 'CNY'."]}}""",
            "application/problem+json"));

        var problem = await Assert.ThrowsAsync<GatewayProblemException>(() => client.CreatePaymentAsync(Order with { Amount = 0 }));

        Assert.Equal(ProblemCodes.InvalidRequest, problem.Code);
        Assert.Equal(["amount", "currency"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task ANonProblemReply_IsReportedByStatus()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.NotFound, "<html>nginx</html>", "text/html"));

        var problem = await Assert.ThrowsAsync<GatewayProblemException>(() => client.GetPaymentAsync("pay/../x"));

        Assert.Equal("http_404", problem.Code);
        Assert.Equal("/v1/payments/pay%2F..%2Fx", Assert.Single(handler.Requests).PathAndQuery); // ids are escaped
    }

    [Theory]
    [InlineData(null, "sk_test_key")]
    [InlineData("https://pay.example", "")]
    [InlineData("/relative", "sk_test_key")]
    public void Options_AreCheckedBeforeUse(string? baseAddress, string apiKey)
    {
        var services = new ServiceCollection();
        services.AddGatewayClient(o =>
        {
            o.BaseAddress = baseAddress is null ? null : new Uri(baseAddress, UriKind.RelativeOrAbsolute);
            o.ApiKey = apiKey;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayClientOptions>>().Value);
    }

    private static string Problem(string code, int status) => $$"""{"code":"{{code}}","status":{{status}},"title":"Try again."}""";

    private static (GatewayClient Client, ScriptedHandler Handler) Build(Action<ScriptedHandler> script)
    {
        var handler = new ScriptedHandler();
        script(handler);
        var services = new ServiceCollection();
        services.AddGatewayClient(o =>
        {
            o.BaseAddress = new Uri("https://pay.example");
            o.ApiKey = "sk_test_key";
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        return (services.BuildServiceProvider().GetRequiredService<GatewayClient>(), handler);
    }
}
