using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>Small helpers for talking to the gateway under test.</summary>
public static class ApiCalls
{
    public static object NativePayment(string merchantOrderId, long amount = 1) => new
    {
        channel = "wechat.native",
        merchantOrderId,
        amount,
        currency = "CNY",
        description = "Walking skeleton tea",
        clientIp = "203.0.113.10",
        metadata = new Dictionary<string, string> { ["table"] = "7" },
    };

    public static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/v1/payments", body);
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonObject> GetAsync(HttpClient api, string id)
    {
        var response = await api.GetAsync($"/v1/payments/{id}");
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }

    /// <summary>Polls until the payment leaves pending or the time runs out.</summary>
    public static async Task<JsonObject> WaitForStatusAsync(HttpClient api, string id, string status, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        JsonObject payment;
        do
        {
            payment = await GetAsync(api, id);
            if ((string?)payment["status"] == status)
            {
                return payment;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Payment {id} is {payment["status"]}, expected {status}: {payment.ToJsonString()}");
        return payment;
    }

    public static async Task<HttpResponseMessage> ScanAsync(HttpClient http, string codeUrl)
        => await http.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl });

    public static string Str(this JsonNode? node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }

        return current?.ToString() ?? throw new InvalidOperationException($"No '{path}'.");
    }
}
