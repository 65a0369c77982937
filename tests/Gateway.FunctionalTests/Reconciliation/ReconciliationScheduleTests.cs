using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Operability;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reconciliation;

/// <summary>The daily schedule runs yesterday once per instance; an order the gateway never placed stays open and is counted.</summary>
public class ReconciliationScheduleTests
{
    private const string AdminKey = "sk_test_admin";

    [Fact]
    public async Task Schedule_ReconcilesYesterday_OncePerInstance()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Reconciliation:RunAt"] = "00:00:00", // due at once, whatever the time in Beijing
            ["Gateway:Reconciliation:PollInterval"] = "00:00:00.200",
            // The first poll can beat the sandbox (same host) to its port: a failed run is retried.
            ["Gateway:Reconciliation:RetrySchedule:0"] = "00:00:00.300",
            ["Gateway:Reconciliation:RetrySchedule:1"] = "00:00:00.300",
            ["Gateway:Reconciliation:RetrySchedule:2"] = "00:00:01",
            ["Gateway:Reconciliation:RetrySchedule:3"] = "00:00:02",
            ["Gateway:Reconciliation:RetrySchedule:4"] = "00:00:04",
        });
        var admin = gateway.ApiClient(AdminKey);
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var instances = (await ReadAsync(await admin.GetAsync("/admin/instances")))["data"]!.AsArray().Select(i => i!.Str("name")).Order().ToList();

        var deadline = DateTime.UtcNow.AddSeconds(60); // generous: a loaded CI machine is slow, and the loop ends when every run is in
        List<System.Text.Json.Nodes.JsonNode?> runs;
        do
        {
            await Task.Delay(200);
            runs = [.. (await ReadAsync(await admin.GetAsync($"/admin/reconciliations?date={yesterday}")))["data"]!.AsArray()];
        }
        while (runs.Count(r => r!.Str("status") != "failed") < instances.Count && DateTime.UtcNow < deadline);

        await Task.Delay(1000); // several more polls: nothing finished runs twice
        runs = [.. (await ReadAsync(await admin.GetAsync($"/admin/reconciliations?date={yesterday}")))["data"]!.AsArray()];
        Assert.All(runs, r => Assert.Equal("schedule", r!.Str("triggeredBy")));
        runs = runs.Where(r => r!.Str("status") != "failed").ToList();
        Assert.Equal(instances, runs.Select(r => r!.Str("instance")).Order());
        Assert.Equal("no_bill", runs.Single(r => r!.Str("instance") == "wx-a")!.Str("status"));
        Assert.Equal("not_supported", runs.Single(r => r!.Str("instance") == "pa-json")!.Str("status"));
    }

    [Fact]
    public async Task OrderTheGatewayNeverPlaced_StaysOpen_AndTheGaugeCountsIt()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Reconciliation:Enabled"] = "false" });
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>());
        var http = gateway.CreateDefaultClient();

        // Someone placed an order with merchant A's key behind the gateway's back, and it was paid.
        var order = new Dictionary<string, string>
        {
            ["appid"] = GatewayFactory.AppA, ["mch_id"] = GatewayFactory.MchA, ["nonce_str"] = Guid.NewGuid().ToString("N"),
            ["body"] = "by hand", ["out_trade_no"] = "manual-0001", ["total_fee"] = "777", ["spbill_create_ip"] = "127.0.0.1",
            ["notify_url"] = gateway.BaseUrl + "/nowhere", ["trade_type"] = "NATIVE", ["product_id"] = "p1",
        };
        order["sign"] = IndependentWeChatSigner.Md5(order, GatewayFactory.MerchantAKey);
        using var placed = await http.PostAsync("/sandbox/wechatpay/pay/unifiedorder", new StringContent(IndependentWeChatSigner.Xml(order), Encoding.UTF8, "text/xml"));
        var codeUrl = XDocument.Parse(await placed.Content.ReadAsStringAsync()).Root!.Element("code_url")!.Value;
        using (var scan = await http.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl, suppressNotify = true }))
        {
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        }

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var response = await gateway.ApiClient(AdminKey).PostAsJsonAsync("/admin/reconciliations", new { instance = "wx-a", date = today });
        var run = await ReadAsync(response);

        var open = Assert.Single(run["discrepancies"]!.AsArray())!;
        Assert.Equal(("provider_only", "open", "manual-0001", "777"), (open.Str("kind"), open.Str("status"), open.Str("paymentId"), open.Str("providerAmount")));
        Assert.Equal("false", run.Str("totals.match")); // paid there, not here
        metrics.Collect();
        Assert.Equal(1, metrics.Values("gateway.reconciliation.discrepancies.open", ("provider.instance", "wx-a"), ("kind", "provider_only")).LastOrDefault());
    }
}
