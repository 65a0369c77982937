using System.Net;
using System.Text.Json;
using Gateway.Client.Problems;
using Gateway.Client.Refunds;

namespace Gateway.Client.Refunds.Tests;

public sealed class GatewayClientRefundsTests
{
    private const string RefundJson = """
        {"id":"ref_1","paymentId":"pay_1","status":"pending","amount":40,"currency":"CNY","merchantRefundId":"r-1","reason":"Broken cup",
         "source":"api","createdAt":"2026-01-01T00:00:00Z"}
        """;

    [Fact]
    public async Task Create_PostsTheBodyWithAKey_ToThePaymentsRefunds()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.Created, RefundJson));

        var refund = await client.CreateRefundAsync("pay_1", new CreateRefundRequest { Amount = 40, MerchantRefundId = "r-1", Reason = "Broken cup" }, "refund-r-1");

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/v1/payments/pay_1/refunds", sent.PathAndQuery);
        Assert.Equal("refund-r-1", sent.IdempotencyKey);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal(40, body.RootElement.GetProperty("amount").GetInt64());
        Assert.Equal("r-1", body.RootElement.GetProperty("merchantRefundId").GetString());
        Assert.Equal(RefundStatuses.Pending, refund.Status);
        Assert.Equal(40, refund.Amount);
        Assert.Null(refund.Error);
    }

    [Fact]
    public async Task Create_WithoutAmount_LeavesItOut()
    {
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.Created, RefundJson));

        await client.CreateRefundAsync("pay_1", new CreateRefundRequest { MerchantRefundId = "r-1" });

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        Assert.False(body.RootElement.TryGetProperty("amount", out _)); // null: refund what is left
        Assert.StartsWith("gwc_", handler.Requests.First().IdempotencyKey);
    }

    [Fact]
    public async Task GetListAndFind_ReadTheRefunds_WithEscapedIds()
    {
        var failed = RefundJson.Replace("\"pending\"", "\"failed\"", StringComparison.Ordinal)
            .Replace("\"source\":\"api\"", "\"source\":\"api\",\"error\":{\"code\":\"NOTENOUGH\",\"message\":\"Top up.\"}", StringComparison.Ordinal);
        var (client, handler) = Build(h => h.Reply(HttpStatusCode.OK, failed)
            .Reply(HttpStatusCode.OK, $$"""{"data":[{{RefundJson}}]}""").Reply(HttpStatusCode.OK, """{"data":[]}"""));

        var one = await client.GetRefundAsync("ref_1");
        var list = await client.ListRefundsAsync("pay 1");
        var found = await client.FindRefundsAsync("r&1");

        Assert.Equal(RefundStatuses.Failed, one.Status);
        Assert.Equal("NOTENOUGH", one.Error!.Code);
        Assert.Equal("ref_1", Assert.Single(list).Id);
        Assert.Empty(found);
        Assert.Equal(["/v1/refunds/ref_1", "/v1/payments/pay%201/refunds", "/v1/refunds?merchantRefundId=r%261"], handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ARefusal_ThrowsTheGatewaysCode()
    {
        var (client, _) = Build(h => h.Reply(HttpStatusCode.UnprocessableEntity,
            """{"code":"refund_exceeds_payment","status":422,"title":"Too much."}""", "application/problem+json"));

        var problem = await Assert.ThrowsAsync<GatewayProblemException>(
            () => client.CreateRefundAsync("pay_1", new CreateRefundRequest { Amount = 999, MerchantRefundId = "r-2" }));

        Assert.Equal("refund_exceeds_payment", problem.Code);
        Assert.Equal(422, problem.Status);
    }

    private static (GatewayClient Client, Http.Tests.ScriptedHandler Handler) Build(Action<Http.Tests.ScriptedHandler> script)
    {
        var handler = new Http.Tests.ScriptedHandler();
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
