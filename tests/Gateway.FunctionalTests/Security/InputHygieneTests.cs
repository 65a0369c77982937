using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestMode;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>Control characters, unknown fields and oversized bodies are refused, naming the field, on both stores, and change nothing.</summary>
public class InputHygieneTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task ControlCharacters_InAnyTextField_Are400_NamingTheField(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend));
        var api = gateway.ApiClient();

        await AssertFieldRefused(api.PostAsJsonAsync("/v1/payments", Payment("nul-1", description: "tea\u0000")), "description");
        await AssertFieldRefused(api.PostAsJsonAsync("/v1/payments", Payment("nul-2", openId: "o\u0000x")), "payer.openId");
        await AssertFieldRefused(api.PostAsJsonAsync("/v1/payments", Payment("nul-3", description: "bell\u0007")), "description");
        await AssertFieldRefused(api.PostAsync("/v1/payments", Json("""{"channel":"wechat.native","merchantOrderId":"nul-4","amount":1,"currency":"CNY","description":"x\ud800","clientIp":"203.0.113.10"}""")), "description");
        await AssertFieldRefused(api.PostAsJsonAsync("/v1/payments", new Dictionary<string, object>
        {
            ["channel"] = "wechat.native", ["merchantOrderId"] = "nul-5", ["amount"] = 1, ["currency"] = "CNY", ["description"] = "Tea",
            ["clientIp"] = "203.0.113.10", ["metadata"] = new Dictionary<string, string> { ["table"] = "7\u001b" },
        }), "metadata.table");
        await AssertFieldRefused(api.PostAsJsonAsync("/v1/product-codes", new { channel = "wechat.native", productId = "nul-tea", amount = 100, description = "Green\u0000tea" }), "description");
        await AssertFieldRefused(api.GetAsync("/v1/payments?merchantOrderId=a%00b"), "merchantOrderId");
        await AssertFieldRefused(gateway.ApiClient(TestModeProfile.DemoAdminKey).GetAsync("/admin/payments?merchantOrderId=%00"), "merchantOrderId");

        // Nothing was written, and the store still answers.
        var list = await ReadAsync(await api.GetAsync("/v1/payments?merchantOrderId=nul-1"));
        Assert.Empty(list["data"]!.AsArray());
        await CreateAsync(api, NativePayment("clean-after-dirty"));
    }

    [Fact]
    public async Task UnknownJsonProperty_Is400_NamingIt_AndCreatesNothing()
    {
        using var gateway = new GatewayFactory();
        var api = gateway.ApiClient();
        var response = await api.PostAsync("/v1/payments", Json("""{"channel":"wechat.native","merchantOrderId":"typo-1","amout":5,"amount":1,"currency":"CNY","description":"Tea","clientIp":"203.0.113.10"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("invalid_request", problem.Str("code"));
        Assert.NotNull(problem["errors"]!["amout"]);
        Assert.Empty((await ReadAsync(await api.GetAsync("/v1/payments?merchantOrderId=typo-1")))["data"]!.AsArray());
    }

    [Fact]
    public async Task BodiesOverTheCap_Are413ProblemJson_OnV1_Admin_AndPluginRoutes()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Requests:MaxBodyBytes"] = "4096" });
        var big = new string('x', 5000);
        var requests = new (HttpClient Client, string Path)[]
        {
            (gateway.ApiClient(), "/v1/payments"),
            (gateway.ApiClient(), "/v1/product-codes"),
            (gateway.ApiClient(TestModeProfile.DemoAdminKey), "/admin/notify-inbox/1/redrive"),
            (gateway.ApiClient(null), "/p/wx-mini-sandbox/login"),
        };
        foreach (var (client, path) in requests)
        {
            foreach (var chunked in new[] { false, true })
            {
                HttpContent content = Json($$"""{"description":"{{big}}"}""");
                if (chunked)
                {
                    content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"description":"{{big}}"}""")));
                    content.Headers.ContentType = new("application/json");
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                request.Headers.TransferEncodingChunked = chunked ? true : null;
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{path} (chunked {chunked}): {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("payload_too_large", (await ReadAsync(response)).Str("code"));
            }
        }

        // Under the cap the same route works.
        await CreateAsync(gateway.ApiClient(), NativePayment("under-the-cap"));
    }

    private static object Payment(string merchantOrderId, string description = "Tea", string? openId = null) => new
    {
        channel = openId is null ? "wechat.native" : "wechat.jsapi", merchantOrderId, amount = 1, currency = "CNY", description,
        clientIp = "203.0.113.10", payer = openId is null ? null : new { openId },
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertFieldRefused(Task<HttpResponseMessage> send, string field)
    {
        var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal("invalid_request", problem.Str("code"));
        Assert.True(problem["errors"]?[field] is not null, $"{field} not named: {body}");
    }
}
