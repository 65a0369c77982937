using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Payments;

public class PaymentsApiErrorTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("sk_wrong")]
    public async Task Rejects_MissingOrUnknownApiKey(string? key)
    {
        var response = await gateway.ApiClient(key).PostAsJsonAsync("/v1/payments", NativePayment("auth-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await ReadAsync(response)).Str("code"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"channel":"wechat.native","merchantOrderId":"m","amount":1.5,"currency":"CNY","description":"d","clientIp":"1.2.3.4"}""")]
    [InlineData("""{"channel":"wechat.native","merchantOrderId":"m","amount":"100","currency":"CNY","description":"d","clientIp":"1.2.3.4"}""")]
    [InlineData("[]")]
    public async Task Rejects_MalformedBody_With400_AndStoresNothing(string body)
    {
        var api = gateway.ApiClient();

        var response = await api.PostAsync("/v1/payments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await ReadAsync(response)).Str("code"));
        var list = await ReadAsync(await api.GetAsync("/v1/payments?merchantOrderId=m"));
        Assert.Empty(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Rejects_InvalidFields_ListingEach()
    {
        var response = await gateway.ApiClient().PostAsJsonAsync("/v1/payments", new { channel = "wechat.native", amount = -5, currency = "USD" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("invalid_request", problem.Str("code"));
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("amount", fields);
        Assert.Contains("currency", fields);
        Assert.Contains("merchantOrderId", fields);
    }

    [Fact]
    public async Task Rejects_UnroutedChannel()
    {
        var body = new { channel = "unionpay.qr", merchantOrderId = "nr-1", amount = 1, currency = "CNY", description = "d", clientIp = "1.2.3.4" };

        var response = await gateway.ApiClient().PostAsJsonAsync("/v1/payments", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("channel_not_routed", (await ReadAsync(response)).Str("code"));
    }

    [Fact]
    public async Task Rejects_DuplicateMerchantOrder()
    {
        var api = gateway.ApiClient();
        await CreateAsync(api, NativePayment("dup-1"));

        var response = await api.PostAsJsonAsync("/v1/payments", NativePayment("dup-1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duplicate_merchant_order", (await ReadAsync(response)).Str("code"));
    }

    [Fact]
    public async Task OtherClientsPayment_IsNotFound()
    {
        var created = await CreateAsync(gateway.ApiClient(GatewayFactory.ClientAKey), NativePayment("private-1"));

        var response = await gateway.ApiClient(GatewayFactory.ClientBKey).GetAsync($"/v1/payments/{created.Str("id")}");
        var close = await gateway.ApiClient(GatewayFactory.ClientBKey).PostAsync($"/v1/payments/{created.Str("id")}/close", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await ReadAsync(response)).Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal("pending", (await GetAsync(gateway.ApiClient(GatewayFactory.ClientAKey), created.Str("id"))).Str("status"));
    }
}
