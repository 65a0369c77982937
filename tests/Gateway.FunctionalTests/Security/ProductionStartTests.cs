using System.Net;
using System.Net.Http.Headers;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Security;
using Gateway.TestMode;

namespace Gateway.FunctionalTests.Security;

/// <summary>
/// The real process in the Production environment: test mode is off unless asked for, an incomplete
/// configuration stops it with every problem listed, and a complete one serves no demo key and no sandbox.
/// </summary>
public class ProductionStartTests
{
    private const string ShopKey = "sk_live_shop_7f3a9c1d";
    private const string AdminKey = "sk_live_admin_2b8e6d4f";

    [Fact]
    public async Task Production_WithNoConfiguration_ExitsNonZero_ListingEveryMissingSetting()
    {
        await using var gateway = new GatewayProcess(GatewayProcess.FreePort(), new Dictionary<string, string?>()) { EnvironmentName = "Production" };
        var exitCode = await gateway.RunToExitAsync(TimeSpan.FromSeconds(60));
        var output = gateway.OutputTail(200);

        Assert.NotEqual(0, exitCode);
        foreach (var key in new[] { "Gateway:Clients:", "Gateway:Admin:ApiKeySha256", "Gateway:PublicBaseUrl", "Gateway:Store:ConnectionString", "Gateway:Checkout:TokenKey" })
        {
            Assert.Contains(key, output);
        }

        Assert.Contains("test mode off", output);
    }

    [Fact]
    public async Task Production_WithBadSettings_NamesEachOne()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Clients:shop:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(ShopKey),
            ["Gateway:Clients:shop:WebhookUrl"] = "https://shop.example.com/hooks",
            ["Gateway:Admin:Enabled"] = "false",
            ["Gateway:PublicBaseUrl"] = "http://pay.example.com",
            ["Gateway:Store:ConnectionString"] = "Data Source=/tmp/never-created.db",
            ["Gateway:Checkout:TokenKey"] = "too-short-to-sign-links",
        };
        await using var gateway = new GatewayProcess(GatewayProcess.FreePort(), settings) { EnvironmentName = "Production" };

        Assert.NotEqual(0, await gateway.RunToExitAsync(TimeSpan.FromSeconds(60)));
        var output = gateway.OutputTail(200);
        Assert.Contains("Gateway:Clients:shop:WebhookSecrets", output);
        Assert.Contains("Gateway:PublicBaseUrl: must be https", output);
        Assert.DoesNotContain("Gateway:Admin:ApiKeySha256", output); // explicitly disabled
        Assert.DoesNotContain("Gateway:Store", output);
        Assert.Contains("Gateway:Checkout:TokenKey: required, at least 32 characters", output);
    }

    [Fact]
    public async Task TestMode_OutsideDevelopment_NeedsTheSecondSwitch()
    {
        var settings = new Dictionary<string, string?> { ["Gateway:TestMode"] = "true" };
        await using var gateway = new GatewayProcess(GatewayProcess.FreePort(), settings) { EnvironmentName = "Production" };

        Assert.NotEqual(0, await gateway.RunToExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(TestModeSwitch.AllowOutsideDevelopmentKey, gateway.OutputTail(200));
    }

    [Fact]
    public async Task Production_WithAValidConfiguration_RefusesTheDemoKey_AndHasNoSandbox()
    {
        var port = GatewayProcess.FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"gateway-prod-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Clients:shop:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(ShopKey),
            ["Gateway:Admin:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(AdminKey),
            ["Gateway:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Gateway:Store:Provider"] = "Sqlite",
            ["Gateway:Store:ConnectionString"] = $"Data Source={database}",
            ["Gateway:Checkout:TokenKey"] = "checkout-links-key-0123456789abcdef",
        };
        await using var gateway = new GatewayProcess(port, settings) { EnvironmentName = "Production" };
        try
        {
            await gateway.StartAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };

            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, "/v1/payments?merchantOrderId=x", TestModeProfile.DemoApiKey)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Send(http, "/v1/payments?merchantOrderId=x", ShopKey)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, "/admin/routes", TestModeProfile.DemoAdminKey)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Send(http, "/admin/routes", AdminKey)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/sandbox/wechatpay/scan", new StringContent("{}"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Send(http, "/admin/test-mode", AdminKey)).StatusCode);

            // No route has an active instance: not ready, and it says why.
            var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", (await ApiCalls.ReadAsync(ready)).Str("entries.routes.status"));
        }
        finally
        {
            await gateway.KillAsync();
            File.Delete(database);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http.SendAsync(request);
    }
}
