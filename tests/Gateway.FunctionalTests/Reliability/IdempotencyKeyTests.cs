using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary><c>POST /v1/payments</c> with an <c>Idempotency-Key</c>, on the embedded and the Redis store.</summary>
public class IdempotencyKeyTests
{
    private static async Task<(HttpStatusCode Status, string Body, bool Replayed)> PostAsync(HttpClient api, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await api.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), replayed);
    }

    private static async Task<int> CountAsync(HttpClient api, string merchantOrderId)
        => JsonNode.Parse(await api.GetStringAsync($"/v1/payments?merchantOrderId={merchantOrderId}"))!["data"]!.AsArray().Count;

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task SameKeySameBody_Replayed_SameKeyOtherBody_Refused(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend));
        var api = gateway.ApiClient();
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var order = "idem-" + Guid.NewGuid().ToString("N")[..12];

        var first = await PostAsync(api, key, NativePayment(order, amount: 500));
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.False(first.Replayed);

        var again = await PostAsync(api, key, NativePayment(order, amount: 500));
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.True(again.Replayed);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(JsonNode.Parse(first.Body).Str("id"), JsonNode.Parse(again.Body).Str("id"));

        var other = await PostAsync(api, key, NativePayment(order, amount: 501));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Equal("idempotency_key_reused", JsonNode.Parse(other.Body).Str("code"));
        Assert.Equal(1, await CountAsync(api, order));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task ValidationFailure_NotStored_CorrectedBodyWithSameKeySucceeds(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend));
        var api = gateway.ApiClient();
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var order = "idem-" + Guid.NewGuid().ToString("N")[..12];

        var invalid = await PostAsync(api, key, NativePayment(order, amount: 0));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("invalid_request", JsonNode.Parse(invalid.Body).Str("code"));
        Assert.False(invalid.Replayed);

        var corrected = await PostAsync(api, key, NativePayment(order, amount: 100));
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.False(corrected.Replayed);
        var replay = await PostAsync(api, key, NativePayment(order, amount: 100));
        Assert.True(replay.Replayed);
        Assert.Equal(corrected.Body, replay.Body);
        Assert.Equal(1, await CountAsync(api, order));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task ConcurrentRequestsWithOneKey_CreateExactlyOnePayment(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend));
        var api = gateway.ApiClient();
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var order = "idem-" + Guid.NewGuid().ToString("N")[..12];

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => PostAsync(api, key, NativePayment(order, amount: 700)))));

        var created = Assert.Single(answers, a => a.Status == HttpStatusCode.Created && !a.Replayed);
        var id = JsonNode.Parse(created.Body).Str("id");
        Assert.All(answers.Where(a => a != created), a =>
        {
            if (a.Status == HttpStatusCode.Created)
            {
                Assert.True(a.Replayed);
                Assert.Equal(id, JsonNode.Parse(a.Body).Str("id"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, a.Status);
                Assert.Equal("idempotency_conflict", JsonNode.Parse(a.Body).Str("code"));
            }
        });
        Assert.Equal(1, await CountAsync(api, order));
    }
}
