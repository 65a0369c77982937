using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Security;
using Gateway.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>
/// Client-supplied webhook URLs: every internal address class is refused when the payment is created and,
/// behind a host name that resolves to it (the resolver hook), when the connection is made; redirects are not followed.
/// </summary>
public class OutboundUrlPolicyTests(OutboundUrlPolicyTests.PolicyGateway shared) : IClassFixture<OutboundUrlPolicyTests.PolicyGateway>
{
    public static TheoryData<string> RefusedAddresses => new()
    {
        "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254",
        "224.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fd00::1", "fc12::1", "fe80::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
    };

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public async Task InternalAddress_IsRefusedAtCreate_NamingNotifyUrl(string address)
    {
        var host = address.Contains(':') ? $"[{address}]" : address;
        await AssertNotifyUrlRefused(shared.Gateway, $"http://{host}:6379/hooks");
    }

    [Theory]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://user:password@hooks.example.com/hooks")]
    [InlineData("ftp://hooks.example.com/hooks")]
    [InlineData("/relative/hooks")]
    public async Task OtherUnsafeUrls_AreRefusedAtCreate(string url)
        => await AssertNotifyUrlRefused(shared.Gateway, url);

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public async Task HostResolvingToAnInternalAddress_IsRefusedAtConnect(string address)
    {
        // A name that passes at create; what it resolves to is only known when connecting.
        var host = $"h{Guid.NewGuid():N}.example.com";
        shared.Resolver.Map(host, IPAddress.Parse(address));

        var payment = await CreateAsync(shared.Gateway.ApiClient(), Payment($"connect-{Guid.NewGuid():N}", $"http://{host}/hooks"));
        var attempt = await FirstAttemptAsync(shared.Gateway, payment);

        Assert.Null(attempt.StatusCode);
        Assert.Contains("outbound URL policy", attempt.Error);
    }

    [Fact]
    public async Task HostResolvingToAnAllowedAddress_IsDelivered_ToTheCheckedAddress()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var resolver = new FakeResolver();
        using var gateway = GatewayFactory.With(null, services => services.AddSingleton<IOutboundAddressResolver>(resolver)); // test mode: loopback allowed
        resolver.Map("hooks.example.com", IPAddress.Loopback);

        var url = new UriBuilder(receiver.Url) { Host = "hooks.example.com" }.Uri.ToString();
        var payment = await CreateAsync(gateway.ApiClient(), Payment($"allowed-{Guid.NewGuid():N}", url));
        (await gateway.ApiClient().PostAsync($"/v1/payments/{payment.Str("id")}/close", null)).EnsureSuccessStatusCode();
        await receiver.WaitForAsync(r => !r.Deliveries.IsEmpty, TimeSpan.FromSeconds(15));
        Assert.Contains("hooks.example.com", resolver.Asked);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndCountsAsAFailedAttempt()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var redirector = await RedirectorAsync(target.Url);
        using var gateway = GatewayFactory.With(null);

        var payment = await CreateAsync(gateway.ApiClient(), Payment($"redirect-{Guid.NewGuid():N}", redirector.Urls.First() + "/hooks"));
        var attempt = await FirstAttemptAsync(gateway, payment);

        Assert.Equal(302, attempt.StatusCode);
        await Task.Delay(500);
        Assert.Empty(target.Deliveries);
    }

    [Fact]
    public async Task ClientHostAllowList_RefusesOtherHosts()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:WebhookHosts:0"] = "hooks.example.com" });
        await AssertNotifyUrlRefused(gateway, "https://elsewhere.example.com/hooks");
        await CreateAsync(gateway.ApiClient(), Payment("allow-listed", "https://HOOKS.example.com/hooks"));
    }

    /// <summary>One gateway with loopback refused (as in production) and a resolver the tests control.</summary>
    public sealed class PolicyGateway : IDisposable
    {
        public PolicyGateway()
        {
            Gateway = GatewayFactory.With(
                new Dictionary<string, string?> { ["Gateway:OutboundUrls:AllowLoopback"] = "false" },
                services => services.AddSingleton<IOutboundAddressResolver>(Resolver));
        }

        public FakeResolver Resolver { get; } = new();

        public GatewayFactory Gateway { get; }

        public void Dispose() => Gateway.Dispose();
    }

    private static object Payment(string merchantOrderId, string notifyUrl) => new
    {
        channel = "wechat.native", merchantOrderId, amount = 1, currency = "CNY", description = "Tea", clientIp = "203.0.113.10", notifyUrl,
    };

    private static async Task AssertNotifyUrlRefused(GatewayFactory gateway, string url)
    {
        var response = await gateway.ApiClient().PostAsJsonAsync("/v1/payments", Payment($"refused-{Guid.NewGuid():N}", url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(body)!["errors"]!["notifyUrl"]);
    }

    /// <summary>Closes the payment (a payment.closed event to its notifyUrl) and waits for the first delivery attempt.</summary>
    private static async Task<WebhookAttempt> FirstAttemptAsync(GatewayFactory gateway, System.Text.Json.Nodes.JsonObject payment)
    {
        var id = payment.Str("id");
        (await gateway.ApiClient().PostAsync($"/v1/payments/{id}/close", null)).EnsureSuccessStatusCode();
        var store = gateway.Services.GetRequiredService<WebhookStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var webhook in await store.ListAsync(id, null, 10, default))
            {
                if ((await store.AttemptsAsync(webhook.Id, default)).FirstOrDefault() is { } attempt)
                {
                    return attempt;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No webhook attempt for {id}.");
        return null!;
    }

    private static async Task<WebApplication> RedirectorAsync(string to)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{GatewayProcess.FreePort()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", () => Results.Redirect(to));
        await app.StartAsync();
        return app;
    }

    public sealed class FakeResolver : IOutboundAddressResolver
    {
        private readonly ConcurrentDictionary<string, IPAddress[]> _hosts = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentBag<string> Asked { get; } = [];

        public void Map(string host, params IPAddress[] addresses) => _hosts[host] = addresses;

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Asked.Add(host);
            return Task.FromResult(_hosts.TryGetValue(host, out var a) ? a : IPAddress.TryParse(host, out var literal) ? [literal] : []);
        }
    }
}
