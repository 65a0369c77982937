using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using Gateway.TestMode;
using Npgsql;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>With PostgreSQL or Redis gone, /v1 and /admin answer 503 problem+json with Retry-After and a stable code; notifies answer FAIL.</summary>
public class OutageTests
{
    [Fact]
    public async Task PostgreSqlStopped_V1AndAdmin_Answer503StoreUnavailable_NotifyAnswersFail_ThenRecover()
    {
        var database = new NpgsqlConnectionStringBuilder(await TestServices.NewPostgresDatabaseAsync());
        await using var relay = new TcpRelay(database.Port);
        database.Host = "127.0.0.1";
        database.Port = relay.Port;
        database.Timeout = 2;
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Store:Provider"] = "PostgreSql",
            ["Gateway:Store:ConnectionString"] = database.ConnectionString,
        });
        var api = gateway.ApiClient();
        var pending = await CreateAsync(api, NativePayment("outage-before", amount: 300));

        relay.Cut();
        await AssertOutage(api.PostAsJsonAsync("/v1/payments", NativePayment("outage-during")), "store_unavailable");
        await AssertOutage(api.GetAsync($"/v1/payments/{pending.Str("id")}"), "store_unavailable");
        await AssertOutage(gateway.ApiClient(TestModeProfile.DemoAdminKey).GetAsync("/admin/payments"), "store_unavailable");
        var (code, _) = await NotifyFixtures.PostForAckAsync(gateway.ApiClient(null), "wx-a",
            NotifyFixtures.PaidNotify(pending.Str("id"), 300, NotifyFixtures.NewTransactionId()));
        Assert.Equal("FAIL", code);

        relay.Restore();
        await CreateAsync(api, NativePayment("outage-after"));
        Assert.Equal("pending", (await GetAsync(api, pending.Str("id"))).Str("status"));
    }

    [Fact]
    public async Task RedisUnreachable_V1Answers503StateUnavailable()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,syncTimeout=500,abortConnect=false",
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = JsonContent.Create(NativePayment("redis-outage")) };
        request.Headers.Add("Idempotency-Key", "redis-outage-1");

        await AssertOutage(gateway.ApiClient().SendAsync(request), "state_unavailable");
    }

    private static async Task AssertOutage(Task<HttpResponseMessage> send, string code)
    {
        var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null, "no Retry-After");
        Assert.Equal(code, System.Text.Json.Nodes.JsonNode.Parse(body).Str("code"));
    }
}
