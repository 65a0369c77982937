using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Reconciliation;

/// <summary>
/// Refunds in reconciliation, against the sandbox's bill with its refund lines: a paid and partly refunded payment
/// reconciles clean; a refund made by hand in the merchant platform is refund-provider-only; a refund whose amount
/// differs in the ledger is refund-amount-mismatch; a refund the ledger has under another id is also refund-gateway-only;
/// a refund done there whose notify was lost is queried and settled by the run (healed).
/// </summary>
public class RefundReconciliationTests
{
    private const string Merchant = GatewayFactory.ClientAKey;
    private const string AdminKey = "sk_test_admin";

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<GatewayFactory> GatewayAsync(string store)
    {
        var settings = store == "postgres" ? await TestServices.BackendAsync("postgres") : new Dictionary<string, string?>();
        settings["Gateway:Reconciliation:Enabled"] = "false";
        return GatewayFactory.With(settings);
    }

    private static async Task<JsonObject> ReconcileAsync(HttpClient admin, string instance)
    {
        using var response = await admin.PostAsJsonAsync("/admin/reconciliations", new { instance, date = Today() });
        var run = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, run.ToJsonString());
        Assert.Equal("completed", run.Str("status"));
        return run;
    }

    private static async Task<string> RefundedAsync(HttpClient api, string paymentId, long amount, string merchantRefundId)
    {
        var refund = await CreatedRefundAsync(api, paymentId, amount, merchantRefundId);
        await WaitForRefundAsync(api, refund.Str("id"), "succeeded");
        return refund.Str("id");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task PaidAndPartlyRefunded_ReconcilesClean_WithTheRefundInTheTotals(string store)
    {
        using var gateway = await GatewayAsync(store);
        var api = gateway.ApiClient(Merchant);
        var refunded = await PaidNativeAsync(api, "rr-clean-1", 100);
        await PaidNativeAsync(api, "rr-clean-2", 250);
        await RefundedAsync(api, refunded, 30, "rr-clean-1-a");

        var run = await ReconcileAsync(gateway.ApiClient(AdminKey), "wx-a");

        Assert.True(run["discrepancies"]!.AsArray().Count == 0, run.ToJsonString());
        Assert.Equal("true", run.Str("totals.match"));
        Assert.Equal(("3", "350", "30"), (run.Str("totals.statement.count"), run.Str("totals.statement.amount"), run.Str("totals.statement.refundAmount")));
        Assert.Equal(("3", "350", "30"), (run.Str("totals.summary.count"), run.Str("totals.summary.amount"), run.Str("totals.summary.refundAmount")));
        Assert.Equal(("2", "350", "30"), (run.Str("totals.gateway.count"), run.Str("totals.gateway.amount"), run.Str("totals.gateway.refundAmount")));
    }

    [Fact]
    public async Task UnknownRefund_AmountMismatch_AndLostId_AreReported()
    {
        using var gateway = await GatewayAsync("sqlite");
        var api = gateway.ApiClient(Merchant);
        var http = gateway.CreateDefaultClient();

        // A refund made by hand in the merchant platform: only the bill knows it.
        var manual = await PaidNativeAsync(api, "rr-manual", 100);
        using (var platform = await http.PostAsJsonAsync($"/sandbox/wechatpay/orders/{manual}/platform-refunds", new { outRefundNo = "by-hand-1", refundFee = 40 }))
        {
            Assert.Equal(HttpStatusCode.OK, platform.StatusCode);
        }

        // The ledger says 25 where the provider refunded 20, and has another refund under an id the provider never saw.
        var changed = await PaidNativeAsync(api, "rr-amount", 100);
        var changedRefund = await RefundedAsync(api, changed, 20, "rr-amount-a");
        var lost = await PaidNativeAsync(api, "rr-lost", 100);
        var lostRefund = await RefundedAsync(api, lost, 10, "rr-lost-a");
        await ExecuteAsync(gateway, "UPDATE refunds SET amount = 25 WHERE id = @id", changedRefund);
        await ExecuteAsync(gateway, "UPDATE refunds SET id = 're_ledgeronly' WHERE id = @id", lostRefund);

        var run = await ReconcileAsync(gateway.ApiClient(AdminKey), "wx-a");

        var found = run["discrepancies"]!.AsArray().Select(d => (d.Str("kind"), d.Str("status"), d.Str("refundId"), d.Str("paymentId"),
            d!["providerAmount"]?.ToString(), d["gatewayAmount"]?.ToString())).OrderBy(d => d.Item1).ToList();
        Assert.Equal(
        [
            ("refund_amount_mismatch", "open", changedRefund, changed, "20", "25"),
            ("refund_gateway_only", "open", "re_ledgeronly", lost, null, "10"),
            ("refund_provider_only", "open", "by-hand-1", manual, "40", null),
            ("refund_provider_only", "open", lostRefund, lost, "10", null),
        ], found);
        Assert.Equal(("70", "70"), (run.Str("totals.statement.refundAmount"), run.Str("totals.summary.refundAmount")));
        // The ledger's refunds of the day (25 and 10) are not what the provider refunded (40, 20 and 10).
        Assert.Equal(("35", "false"), (run.Str("totals.gateway.refundAmount"), run.Str("totals.match")));
    }

    [Fact]
    public async Task RefundDoneThere_PendingHere_IsQueriedAndHealedByTheRun()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Reconciliation:Enabled"] = "false",
            ["Gateway:Refunds:SyncSchedule:0"] = "01:00:00", // the run, not refund sync, must find it
            ["Sandbox:WeChatPay:RefundProcessingTime"] = "01:00:00",
        };
        using var gateway = GatewayFactory.With(settings);
        var api = gateway.ApiClient(Merchant);
        var paid = await PaidNativeAsync(api, "rr-heal", 100);
        var refundId = (await CreatedRefundAsync(api, paid, 30, "rr-heal-a")).Str("id");
        // WeChat finishes the refund and its notify is lost.
        using (var settle = await gateway.CreateDefaultClient().PostAsJsonAsync($"/sandbox/wechatpay/refunds/{refundId}/settle", new { status = "SUCCESS", notify = false }))
        {
            Assert.Equal(HttpStatusCode.OK, settle.StatusCode);
        }

        var ledger = gateway.Services.GetRequiredService<Gateway.Refunds.RefundLedger>();
        Assert.Equal(Gateway.Refunds.RefundStatus.Pending, (await ledger.GetAsync(refundId, default))!.Status);

        var run = await ReconcileAsync(gateway.ApiClient(AdminKey), "wx-a");

        var discrepancy = Assert.Single(run["discrepancies"]!.AsArray())!;
        Assert.Equal(("refund_status_mismatch", "healed", refundId, "succeeded"),
            (discrepancy.Str("kind"), discrepancy.Str("status"), discrepancy.Str("refundId"), discrepancy.Str("gatewayState")));
        Assert.Equal(Gateway.Refunds.RefundStatus.Succeeded, (await ledger.GetAsync(refundId, default))!.Status);
        Assert.Equal("partially_refunded", (await GetAsync(api, paid)).Str("status"));
        Assert.Equal(("30", "true"), (run.Str("totals.gateway.refundAmount"), run.Str("totals.match")));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoInstancesOfOneMerchant_EachReconcilesOnlyItsOwnLines(string store)
    {
        // wx-a2 is a second instance on wx-a's merchant (as Native and JSAPI often are): client-b's Native payments go
        // there, and WeChat's bill of that merchant lists both instances' trades.
        var settings = store == "postgres" ? await TestServices.BackendAsync("postgres") : new Dictionary<string, string?>();
        settings["Gateway:Reconciliation:Enabled"] = "false";
        using var gateway = new OneMerchantTwoInstances(settings);
        var apiA = gateway.ApiClient(Merchant);
        var apiB = gateway.ApiClient(GatewayFactory.ClientBKey);
        var ofA = await PaidNativeAsync(apiA, "rr-shared-a", 100);
        var ofA2 = await PaidNativeAsync(apiB, "rr-shared-b", 250);
        Assert.Equal(("wx-a", "wx-a2"), ((await GetAsync(apiA, ofA)).Str("provider"), (await GetAsync(apiB, ofA2)).Str("provider")));
        await RefundedAsync(apiB, ofA2, 40, "rr-shared-b-1");

        var admin = gateway.ApiClient(AdminKey);
        var runA = await ReconcileAsync(admin, "wx-a");
        var runA2 = await ReconcileAsync(admin, "wx-a2");

        // Each run sees the merchant's whole statement, compares only its own trades, and finds nothing wrong.
        foreach (var run in new[] { runA, runA2 })
        {
            Assert.True(run["discrepancies"]!.AsArray().Count == 0, run.ToJsonString());
            Assert.Equal("true", run.Str("totals.match"));
            Assert.Equal(("3", "350", "40"), (run.Str("totals.statement.count"), run.Str("totals.statement.amount"), run.Str("totals.statement.refundAmount")));
        }

        Assert.Equal(("1", "100", "0"), (runA.Str("totals.gateway.count"), runA.Str("totals.gateway.amount"), runA.Str("totals.gateway.refundAmount")));
        Assert.Equal(("1", "250", "40"), (runA2.Str("totals.gateway.count"), runA2.Str("totals.gateway.amount"), runA2.Str("totals.gateway.refundAmount")));
    }

    private sealed class OneMerchantTwoInstances(Dictionary<string, string?> settings) : GatewayFactory(port => WithSecondInstance(settings, port))
    {
        private static Dictionary<string, string?> WithSecondInstance(Dictionary<string, string?> settings, int port)
        {
            settings["Gateway:Providers:wx-a2:Plugin"] = "WeChatNative";
            settings["Gateway:Providers:wx-a2:Settings:AppId"] = AppA;
            settings["Gateway:Providers:wx-a2:Settings:MchId"] = MchA;
            settings["Gateway:Providers:wx-a2:Settings:ApiKey"] = MerchantAKey;
            settings["Gateway:Providers:wx-a2:Settings:SignType"] = "MD5";
            settings["Gateway:Providers:wx-a2:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay";
            settings["Gateway:Routes:native-b:Instances:0"] = "wx-a2";
            return settings;
        }
    }

    private static async Task ExecuteAsync(GatewayFactory gateway, string sql, string id)
    {
        await using var connection = await gateway.Services.GetRequiredService<StoreDialect>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Add("id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
