using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.PaysApi;

/// <summary>
/// Talks to the gateway and the PaysAPI sandbox the way a shop, a browser and a payer would, and keeps
/// every body it read so a test can prove no token ever appeared in one.
/// </summary>
internal sealed partial class PaysApiClient(GatewayFactory gateway)
{
    private readonly List<string> _bodies = [];

    public HttpClient Browser { get; } = gateway.ApiClient(apiKey: null);

    public static object Payment(string channel, string merchantOrderId, long amount) => new
    {
        channel,
        merchantOrderId,
        amount,
        currency = "CNY",
        description = "Oolong <tea> & \"cups\"",
        clientIp = "203.0.113.10",
    };

    public async Task<JsonObject> CreateAsync(string apiKey, string channel, string merchantOrderId, long amount)
    {
        var response = await gateway.ApiClient(apiKey).PostAsJsonAsync("/v1/payments", Payment(channel, merchantOrderId, amount));
        var body = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> GetAsync(string apiKey, string id)
        => JsonNode.Parse(await ReadAsync(await gateway.ApiClient(apiKey).GetAsync($"/v1/payments/{id}")))!.AsObject();

    public async Task<(HttpStatusCode Status, string Body)> GetPageAsync(string path)
    {
        var response = await Browser.GetAsync(path);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Reads the auto-submit form of a pay page: its action and its hidden fields, HTML-decoded.</summary>
    public static (string Action, Dictionary<string, string> Fields) ParseForm(string html)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return (action, fields);
    }

    /// <summary>What the browser does with the auto-submit form: post it to PaysAPI (the sandbox).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SubmitFormAsync(string action, Dictionary<string, string> fields)
    {
        var response = await Browser.PostAsync(action, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await ReadAsync(response));
    }

    public async Task<HttpResponseMessage> PayAsync(string orderId, string? realPrice = null)
    {
        var response = await Browser.PostAsJsonAsync("/sandbox/paysapi/pay", new { orderid = orderId, realprice = realPrice });
        await ReadAsync(response);
        return response;
    }

    public async Task<JsonObject> SandboxOrderAsync(string orderId)
        => JsonNode.Parse(await ReadAsync(await Browser.GetAsync($"/sandbox/paysapi/orders/{orderId}")))!.AsObject();

    public async Task<string> PostNotifyAsync(string instance, HttpContent content)
    {
        var response = await Browser.PostAsync($"/notify/{instance}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    /// <summary>Polls until <paramref name="done"/> holds for the payment, or fails after 15 s.</summary>
    public Task<JsonObject> WaitForAsync(string apiKey, string id, Func<JsonObject, bool> done)
        => PollAsync(() => GetAsync(apiKey, id), done, $"Payment {id}");

    /// <summary>
    /// The sandbox's view of its notify for an order once it reads <paramref name="status"/>: it records the
    /// delivery only after reading the gateway's answer, a moment after the payment itself has changed.
    /// </summary>
    public Task<JsonObject> WaitForSandboxNotifyAsync(string orderId, string status)
        => PollAsync(() => SandboxOrderAsync(orderId), o => o.Str("notify.status") == status, $"Sandbox order {orderId}");

    private static async Task<JsonObject> PollAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        JsonObject value;
        do
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{what} never reached the expected state: {value.ToJsonString()}");
        return value;
    }

    public void AssertNoTokenInAnyBody()
    {
        Assert.NotEmpty(_bodies);
        foreach (var token in new[] { GatewayFactory.PaysApiFormToken, GatewayFactory.PaysApiJsonToken })
        {
            Assert.DoesNotContain(_bodies, b => b.Contains(token, StringComparison.Ordinal));
        }
    }

    private async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        lock (_bodies)
        {
            _bodies.Add(body);
        }

        return body;
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
