using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>Helpers for the refund tests: a paid Native payment, a refund request, waiting for a refund's state.</summary>
internal static class RefundCalls
{
    public static async Task<string> PaidNativeAsync(HttpClient api, string merchantOrderId, long amount = 100)
    {
        var created = await CreateAsync(api, NativePayment(merchantOrderId, amount));
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(api, created.Str("action.codeUrl"))).StatusCode);
        await WaitForStatusAsync(api, created.Str("id"), "succeeded");
        return created.Str("id");
    }

    public static Task<HttpResponseMessage> RefundAsync(HttpClient api, string paymentId, long amount, string merchantRefundId, string? reason = null)
        => api.PostAsJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount, merchantRefundId, reason });

    public static async Task<JsonObject> CreatedRefundAsync(HttpClient api, string paymentId, long amount, string merchantRefundId)
    {
        var response = await RefundAsync(api, paymentId, amount, merchantRefundId);
        var body = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public static async Task<JsonObject> WaitForRefundAsync(HttpClient api, string refundId, string status, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        JsonObject refund;
        do
        {
            refund = await ReadAsync(await api.GetAsync($"/v1/refunds/{refundId}"));
            if ((string?)refund["status"] == status)
            {
                return refund;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Refund {refundId} is {refund["status"]}, expected {status}: {refund.ToJsonString()}");
        return refund;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        return (response.StatusCode, await ReadAsync(response));
    }
}
