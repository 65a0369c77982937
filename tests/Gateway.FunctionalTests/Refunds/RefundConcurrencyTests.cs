using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>
/// The ledger's invariant under concurrency, on both stores: twelve refunds of 50 at once on a paid 100 → exactly two
/// accepted, the rest <c>refund_exceeds_paid</c>, and the sum reserved never above what was paid.
/// </summary>
public sealed class RefundConcurrencyTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task TwelveConcurrentRefundsOfFifty_OnAPaidHundred_ExactlyTwoAccepted(string backend)
    {
        await using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend));
        var api = gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, $"concurrent-{backend}");

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            await start.WaitAsync();
            return await SendAsync(RefundAsync(gateway.ApiClient(), paymentId, 50, $"r-concurrent-{i}"));
        }).ToList();
        start.Release(attempts.Count);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(2, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(10, results.Count(r => r.Status == HttpStatusCode.UnprocessableEntity && r.Body.Str("code") == "refund_exceeds_paid"));
        var refunds = (await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray();
        Assert.Equal(2, refunds.Count);

        foreach (var refund in refunds)
        {
            await WaitForRefundAsync(api, refund.Str("id"), "succeeded");
        }

        Assert.Equal("refunded", (await GetAsync(api, paymentId)).Str("status"));
    }
}
