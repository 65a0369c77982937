using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestMode;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>Test mode says so (banner, readiness), and its demo client's webhooks are signed with a generated secret that is never logged.</summary>
public class TestModeTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task TestMode_IsAnnounced_InTheLog_AndInReadiness()
    {
        Assert.Contains(gateway.Logs.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Text.Contains("TEST MODE", StringComparison.Ordinal)
            && r.Text.Contains(TestModeAdminEndpoints.Path, StringComparison.Ordinal));

        var ready = await ReadAsync(await gateway.ApiClient(null).GetAsync("/health/ready"));
        Assert.Equal("true", ready["entries"]!["test-mode"]!["data"]!["testMode"]!.ToJsonString());
    }

    [Fact]
    public async Task DemoClient_WebhooksAreSigned_WithTheGeneratedSecret_WhichNoLogShows()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var info = await ReadAsync(await gateway.ApiClient(TestModeProfile.DemoAdminKey).GetAsync(TestModeAdminEndpoints.Path));
        var secret = info["demoWebhookSecrets"]![0]!.GetValue<string>();
        Assert.True(secret.Length >= 32, secret.Length.ToString());

        var demo = gateway.ApiClient(TestModeProfile.DemoApiKey);
        var body = new
        {
            channel = "wechat.native", merchantOrderId = "demo-signed-1", amount = 1, currency = "CNY",
            description = "Tea", clientIp = "203.0.113.10", notifyUrl = receiver.Url,
        };
        var payment = await CreateAsync(demo, body);
        await ScanAsync(demo, payment.Str("action.codeUrl"));
        await receiver.WaitForAsync(r => !r.Deliveries.IsEmpty, TimeSpan.FromSeconds(15));

        var delivery = receiver.Deliveries.First();
        Assert.Contains("v1=", delivery.Signature);
        Assert.True(WebhookReceiver.Verify(delivery.Signature, delivery.Body, secret));
        Assert.DoesNotContain(gateway.Logs.Records, r => r.Text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientWithoutWebhookSecret_CannotSendNotifyUrl()
    {
        const string key = "sk_test_client_without_secret";
        using var noSecret = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Clients:no-secret:ApiKeySha256"] = Gateway.Security.ApiKeyAuthenticationHandler.Hash(key),
        });
        var body = new
        {
            channel = "wechat.native", merchantOrderId = "no-secret-1", amount = 1, currency = "CNY",
            description = "Tea", clientIp = "203.0.113.10", notifyUrl = "https://shop.example.com/hooks",
        };
        var response = await noSecret.ApiClient(key).PostAsJsonAsync("/v1/payments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("webhook secret", (await ReadAsync(response))["errors"]!["notifyUrl"]![0]!.GetValue<string>());
    }

    [Fact]
    public void WebhookUrlWithoutSecret_IsAConfigurationError()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var bad = GatewayFactory.With(new Dictionary<string, string?>
            {
                ["Gateway:Clients:hooked:ApiKeySha256"] = Gateway.Security.ApiKeyAuthenticationHandler.Hash("sk_test_hooked"),
                ["Gateway:Clients:hooked:WebhookUrl"] = "https://shop.example.com/hooks",
            });
        });
        Assert.Contains("Gateway:Clients:hooked:WebhookSecrets", error.ToString());
    }
}
