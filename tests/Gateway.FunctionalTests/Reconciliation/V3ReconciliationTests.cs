using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.WeChatPayV3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reconciliation;

/// <summary>
/// Reconciliation of an APIv3 instance against the v3 sandbox's trade bill (<c>/v3/bill/tradebill</c>, then the signed
/// download checked against its SHA1): a day's v3 payments reconcile clean; a bill file changed on the way is refused
/// (the run fails and is retried, nothing is recorded as a discrepancy); a day without trades is NO_STATEMENT_EXIST,
/// also for an instance in platform-certificate mode.
/// </summary>
public sealed class V3ReconciliationTests
{
    private const string AdminKey = "sk_test_admin";

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ReconcileAsync(HttpClient admin, string instance)
    {
        using var response = await admin.PostAsJsonAsync("/admin/reconciliations", new { instance, date = Today() });
        var run = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, run.ToJsonString());
        return run;
    }

    [Fact]
    public async Task DaysV3Payments_ReconcileClean_AndATamperedBillIsRefused()
    {
        var tamper = new BillTamper();
        using var gateway = new V3GatewayFactory(services => services.ConfigureAll<HttpClientFactoryOptions>(
            o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(new BillTamperHandler(tamper)))));
        var api = gateway.DemoApi();
        foreach (var (order, amount) in new[] { ("v3-rec-1", 1200L), ("v3-rec-2", 345L) })
        {
            var created = await CreateAsync(api, V3FlowTests.Body("wechat.native", order, amount));
            Assert.Equal("wx3-sandbox", created.Str("provider"));
            Assert.Equal(HttpStatusCode.OK, (await ScanAsync(gateway.Browser(), created.Str("action.codeUrl"))).StatusCode);
            await WaitForStatusAsync(api, created.Str("id"), "succeeded");
        }

        var admin = gateway.ApiClient(AdminKey);
        var run = await ReconcileAsync(admin, "wx3-sandbox");

        Assert.Equal("completed", run.Str("status"));
        Assert.True(run["discrepancies"]!.AsArray().Count == 0, run.ToJsonString());
        Assert.Equal("true", run.Str("totals.match"));
        Assert.Equal(("2", "1545", "0"), (run.Str("totals.statement.count"), run.Str("totals.statement.amount"), run.Str("totals.statement.refundAmount")));
        Assert.Equal(("2", "1545"), (run.Str("totals.summary.count"), run.Str("totals.summary.amount")));
        Assert.Equal(("2", "1545"), (run.Str("totals.gateway.count"), run.Str("totals.gateway.amount")));

        tamper.Enabled = true;
        var refused = await ReconcileAsync(admin, "wx3-sandbox");

        Assert.Equal("failed", refused.Str("status"));
        Assert.Contains("SHA1", refused.Str("error"));
        Assert.NotNull(refused["nextAttemptAt"]);
        Assert.Empty(refused["discrepancies"]!.AsArray());
        Assert.True(tamper.Tampered > 0);

        var none = await ReconcileAsync(admin, "wx3-cert");
        Assert.Equal(("no_bill", "true"), (none.Str("status"), none.Str("totals.match")));
        Assert.Contains("不存在", none.Str("providerMessage"));
    }

    [Fact]
    public async Task TestModesV2AndV3Instances_EachReconcileOnlyTheirOwnTrades()
    {
        using var gateway = new V3GatewayFactory();
        foreach (var (api, order, amount, instance) in new[]
        {
            (gateway.ApiClient("sk_test_demo_shop"), "own-merchant-v2", 501L, "wx-sandbox"),
            (gateway.DemoApi(), "own-merchant-v3", 702L, "wx3-sandbox"),
        })
        {
            var created = await CreateAsync(api, V3FlowTests.Body("wechat.native", order, amount));
            Assert.Equal(instance, created.Str("provider"));
            Assert.Equal(HttpStatusCode.OK, (await ScanAsync(gateway.Browser(), created.Str("action.codeUrl"))).StatusCode);
            await WaitForStatusAsync(api, created.Str("id"), "succeeded");
        }

        var admin = gateway.ApiClient(AdminKey);
        foreach (var (instance, amount) in new[] { ("wx-sandbox", "501"), ("wx3-sandbox", "702") })
        {
            var run = await ReconcileAsync(admin, instance);
            Assert.True(run.Str("status") == "completed" && run["discrepancies"]!.AsArray().Count == 0, run.ToJsonString());
            Assert.Equal(("1", amount), (run.Str("totals.statement.count"), run.Str("totals.statement.amount")));
        }
    }

    private sealed class BillTamper
    {
        public volatile bool Enabled;
        public int Tampered;
    }

    // Changes one byte of every bill file while enabled, as a corrupting or malicious hop would: only the hash can tell.
    private sealed class BillTamperHandler(BillTamper tamper) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!tamper.Enabled || request.RequestUri?.AbsolutePath.EndsWith("/v3/billdownload/file", StringComparison.Ordinal) != true || !response.IsSuccessStatusCode)
            {
                return response;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            bytes[^1] ^= 0x01;
            Interlocked.Increment(ref tamper.Tampered);
            response.Content = new ByteArrayContent(bytes);
            return response;
        }
    }
}
