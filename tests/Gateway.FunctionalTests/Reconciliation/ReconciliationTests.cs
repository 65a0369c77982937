using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reconciliation;

/// <summary>
/// Reconciliation end to end against the sandbox's downloadbill: a payment whose notify never came (suppressNotify)
/// and that sync has not reached yet (sync slowed to an hour) shows up as provider-only, is settled by the run and
/// marked healed, and the run's totals agree with the bill's summary; a day without orders is the provider's
/// "No Bill Exist", with no discrepancy; PaysAPI says "not supported".
/// </summary>
public class ReconciliationTests
{
    private const string Merchant = GatewayFactory.ClientAKey;
    private const string AdminKey = "sk_test_admin";

    private static async Task<Dictionary<string, string?>> SettingsAsync(string store)
    {
        var settings = store == "postgres" ? await TestServices.BackendAsync("postgres") : new Dictionary<string, string?>();
        settings["Gateway:Sync:Schedule:0"] = "01:00:00"; // the run, not the sync, must find the lost notify
        settings["Gateway:Reconciliation:Enabled"] = "false"; // on demand only: no scheduled run of yesterday in the list
        return settings;
    }

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReconcileAsync(HttpClient admin, string instance, string? date)
    {
        using var response = await admin.PostAsJsonAsync("/admin/reconciliations", new { instance, date });
        return (response.StatusCode, await ReadAsync(response));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task LostNotify_IsProviderOnly_HealedByTheRun_AndTotalsMatchTheBill(string store)
    {
        using var gateway = GatewayFactory.With(await SettingsAsync(store));
        var api = gateway.ApiClient(Merchant);
        var http = gateway.CreateDefaultClient();
        var paid = new List<string>();
        foreach (var (order, amount) in new[] { ("rec-1", 120L), ("rec-2", 345L) })
        {
            var created = await CreateAsync(api, NativePayment(order, amount));
            Assert.Equal(HttpStatusCode.OK, (await ScanAsync(http, created.Str("action.codeUrl"))).StatusCode);
            paid.Add(created.Str("id"));
        }

        foreach (var paidId in paid)
        {
            await WaitForStatusAsync(api, paidId, "succeeded");
        }

        var lost = await CreateAsync(api, NativePayment("rec-lost", 1000));
        var lostId = lost.Str("id");
        using (var scan = await http.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl = lost.Str("action.codeUrl"), suppressNotify = true }))
        {
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        }

        // Read from the store: GET /v1/payments/{id} would sync it on read.
        var payments = gateway.Services.GetRequiredService<IPaymentStore>();
        await Task.Delay(500);
        Assert.Equal(PaymentStatus.Pending, (await payments.GetAsync(lostId, default))!.Status);

        var admin = gateway.ApiClient(AdminKey);
        var (status, run) = await ReconcileAsync(admin, "wx-a", Today());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("completed", "wx-a", Today(), "admin"), (run.Str("status"), run.Str("instance"), run.Str("date"), run.Str("triggeredBy")));
        var discrepancy = Assert.Single(run["discrepancies"]!.AsArray())!;
        Assert.Equal(("provider_only", "healed", lostId, "1000", "succeeded"),
            (discrepancy.Str("kind"), discrepancy.Str("status"), discrepancy.Str("paymentId"), discrepancy.Str("providerAmount"), discrepancy.Str("gatewayState")));
        var settled = (await payments.GetAsync(lostId, default))!;
        Assert.Equal((PaymentStatus.Succeeded, 1000L), (settled.Status, settled.PaidAmount));
        Assert.Equal(discrepancy.Str("providerTransactionId"), settled.ProviderTransactionId);

        Assert.Equal("true", run.Str("totals.match"));
        Assert.Equal(("3", "1465"), (run.Str("totals.statement.count"), run.Str("totals.statement.amount")));
        Assert.Equal(("3", "1465", "0"), (run.Str("totals.summary.count"), run.Str("totals.summary.amount"), run.Str("totals.summary.refundAmount")));
        Assert.Equal(("3", "1465"), (run.Str("totals.gateway.count"), run.Str("totals.gateway.amount")));

        // The same run, read back; listed; exported.
        var id = run.Str("id");
        var read = await ReadAsync(await admin.GetAsync($"/admin/reconciliations/{id}"));
        Assert.Equal(discrepancy.Str("id"), Assert.Single(read["discrepancies"]!.AsArray())!.Str("id"));
        var listed = await ReadAsync(await admin.GetAsync($"/admin/reconciliations?instance=wx-a&date={Today()}"));
        Assert.Equal([id], listed["data"]!.AsArray().Select(r => r!.Str("id")));
        using var csv = await admin.GetAsync($"/admin/reconciliations/{id}/discrepancies.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,run_id,instance,bill_date,kind,status,payment_id", rows[0]);
        Assert.Contains($",wx-a,{Today()},provider_only,healed,{lostId},", Assert.Single(rows[1..]));

        // A second run of the day finds nothing left to fix.
        var (_, again) = await ReconcileAsync(admin, "wx-a", Today());
        Assert.Empty(again["discrepancies"]!.AsArray());
        Assert.Equal("true", again.Str("totals.match"));
    }

    [Fact]
    public async Task DayWithoutOrders_IsTheProvidersNoBill_WithNoDiscrepancy()
    {
        using var gateway = GatewayFactory.With(await SettingsAsync("sqlite"));
        var admin = gateway.ApiClient(AdminKey);

        var (status, run) = await ReconcileAsync(admin, "wx-b", Today());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("no_bill", "No Bill Exist", "true"), (run.Str("status"), run.Str("providerMessage"), run.Str("totals.match")));
        Assert.Empty(run["discrepancies"]!.AsArray());
    }

    [Fact]
    public async Task PaysApiInstance_ReportsNotSupported_AndBadRequestsChangeNothing()
    {
        using var gateway = GatewayFactory.With(await SettingsAsync("sqlite"));
        var admin = gateway.ApiClient(AdminKey);

        var (status, run) = await ReconcileAsync(admin, "pa-form", Today());
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("not_supported", run.Str("status"));
        Assert.Contains("no statement", run.Str("error"));

        Assert.Equal(HttpStatusCode.BadRequest, (await ReconcileAsync(admin, "wx-a", "20261129")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReconcileAsync(admin, "wx-a", "2999-01-01")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReconcileAsync(admin, "", Today())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReconcileAsync(admin, "no-such-instance", Today())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/reconciliations/rec_missing")).StatusCode);
        Assert.Contains((await gateway.ApiClient(Merchant).GetAsync("/admin/reconciliations")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var listed = await ReadAsync(await admin.GetAsync("/admin/reconciliations"));
        Assert.Equal(["pa-form"], listed["data"]!.AsArray().Select(r => r!.Str("instance")));
    }
}
