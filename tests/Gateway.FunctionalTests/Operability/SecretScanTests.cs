using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

/// <summary>
/// Runs the flows end to end with every log level captured, then looks for every configured secret in
/// the logs and in every response: none may appear anywhere.
/// </summary>
public partial class SecretScanTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
{
    private readonly ConcurrentQueue<string> _responses = new();

    [Fact]
    public async Task NoSecret_EverReachesALogOrAResponse()
    {
        var clientA = Client(GatewayFactory.ClientAKey);
        var paid = await CreateAsync(clientA, NativePayment("secret-scan-paid", amount: 42));
        await ScanAsync(clientA, paid.Str("action.codeUrl"));
        await WaitForStatusAsync(clientA, paid.Str("id"), "succeeded");

        var clientB = Client(GatewayFactory.ClientBKey);
        var closed = await CreateAsync(clientB, NativePayment("secret-scan-closed"));
        await clientB.PostAsync($"/v1/payments/{closed.Str("id")}/close", null);
        await clientB.GetAsync(closed.Str("action.qrImageUrl"));

        await Client("sk_wrong_key").GetAsync("/v1/payments?merchantOrderId=x");
        await Client(GatewayFactory.ClientAKey).GetAsync("/admin/instances");
        await Client(OperableGatewayFactory.AdminKey).GetAsync("/v1/payments?merchantOrderId=x");
        await Client(null).PostAsync("/notify/wx-a", new StringContent(
            $"<xml><return_code>SUCCESS</return_code><out_trade_no>{paid.Str("id")}</out_trade_no><sign>0123</sign></xml>", null, "application/xml"));
        await Client(GatewayFactory.ClientAKey).PostAsJsonAsync("/v1/payments", new { channel = "wechat.native", amount = "1" });

        var admin = Client(OperableGatewayFactory.AdminKey);
        foreach (var path in new[] { "/admin/plugins", "/admin/instances", "/admin/routes", "/admin/payments?limit=500" })
        {
            Assert.True((await admin.GetAsync(path)).IsSuccessStatusCode, path);
        }

        foreach (var path in new[] { "/health/ready", "/health/live", "/openapi/v1.json", "/metrics" })
        {
            await Client(null).GetAsync(path);
        }

        await Task.Delay(500); // late log records (notify retries, request-finished lines)
        var secrets = Secrets();
        Assert.Contains(secrets, s => s.Name.StartsWith("Gateway:Providers:wx-sandbox:", StringComparison.Ordinal)); // the generated test-mode key
        Assert.True(gateway.Logs.Records.Count > 100, $"only {gateway.Logs.Records.Count} log records captured");

        var leaks = new List<string>();
        foreach (var (name, value) in secrets)
        {
            leaks.AddRange(gateway.Logs.Records.Where(r => r.Text.Contains(value, StringComparison.Ordinal)).Select(r => $"{name} in log [{r.Category}]"));
            leaks.AddRange(_responses.Where(r => r.Contains(value, StringComparison.Ordinal)).Select(_ => $"{name} in a response"));
        }

        Assert.Empty(leaks);
    }

    private List<(string Name, string Value)> Secrets()
    {
        var secrets = new List<(string Name, string Value)>
        {
            ("client-a key", GatewayFactory.ClientAKey),
            ("client-b key", GatewayFactory.ClientBKey),
            ("limited client key", OperableGatewayFactory.LimitedKey),
            ("slow client key", OperableGatewayFactory.SlowClientKey),
            ("demo client key", TestModeProfile.DemoApiKey),
            ("admin key", OperableGatewayFactory.AdminKey),
        };

        // Every configured value whose key looks secret (hashes of keys are not secrets).
        foreach (var (key, value) in gateway.Services.GetRequiredService<IConfiguration>().AsEnumerable())
        {
            var leaf = key[(key.LastIndexOf(':') + 1)..];
            if (!string.IsNullOrEmpty(value) && SecretKey().IsMatch(leaf) && !leaf.EndsWith("Sha256", StringComparison.Ordinal))
            {
                secrets.Add((key, value));
            }
        }

        Assert.Contains(secrets, s => s.Value == GatewayFactory.MerchantAKey);
        Assert.Contains(secrets, s => s.Value == GatewayFactory.MerchantBKey);
        return secrets;
    }

    private HttpClient Client(string? apiKey)
    {
        var client = new HttpClient(new RecordingHandler(_responses) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(gateway.BaseUrl) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    [GeneratedRegex("key|secret|token|password", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    private sealed class RecordingHandler(ConcurrentQueue<string> responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            responses.Enqueue(response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync(cancellationToken));
            return response;
        }
    }
}
