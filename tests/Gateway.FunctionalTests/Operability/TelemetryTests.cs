using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

public class TelemetryTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
{
    [Fact]
    public async Task CreateAndNotify_FormOneFollowablePaymentTrace_AndMoveTheMetrics()
    {
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>());
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("trace-1", amount: 321));
        var id = created.Str("id");

        var create = Assert.Single(gateway.Spans, s => s.DisplayName == "payment.create" && Tag(s, "payment.id") == id);
        var trace = gateway.Spans.Where(s => s.TraceId == create.TraceId).ToList();
        Assert.Contains(trace, s => s.DisplayName == "payment.route" && Tag(s, "provider.instance") == "wx-a" && s.ParentSpanId == create.SpanId);
        var plugin = Assert.Single(trace, s => s.DisplayName == "provider create");
        Assert.Equal("success", Tag(plugin, "outcome"));
        var wechat = Assert.Single(trace, s => s.DisplayName == "wechatpay unifiedorder");
        Assert.Equal(plugin.SpanId, wechat.ParentSpanId);
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && s.ParentSpanId == wechat.SpanId);
        // The server span ends after the response is written, so it may land a moment later.
        var server = await WaitForSpanAsync(s => s.TraceId == create.TraceId && s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST /v1/payments", StringComparison.Ordinal));
        Assert.Equal(server.SpanId, create.ParentSpanId);

        // A read of the pending payment confirms it with the provider (a payment.sync span linked to the create). Read
        // before the scan: the notify may settle the payment before any later read, and a settled payment is not synced.
        await GetAsync(api, id);
        await ScanAsync(api, created.Str("action.codeUrl"));
        await WaitForStatusAsync(api, id, "succeeded");
        var notify = await WaitForSpanAsync(s => s.DisplayName == "notify.apply" && Tag(s, "payment.id") == id);
        var link = Assert.Single(notify.Links);
        Assert.Equal(create.TraceId, link.Context.TraceId);
        Assert.Equal(create.SpanId, link.Context.SpanId);
        Assert.Contains(Tag(notify, "notify.outcome"), new[] { "accepted", "duplicate" });
        await WaitForSpanAsync(s => s.DisplayName == "notify.handle" && s.SpanId == notify.ParentSpanId); // ends after its child
        await WaitForSpanAsync(s => s.DisplayName == "payment.sync" && Tag(s, "payment.id") == id && s.Links.Any(l => l.Context.SpanId == create.SpanId));

        Assert.Single(metrics.Values("gateway.payments.created", ("outcome", "created"), ("provider.instance", "wx-a"), ("payment.channel", "wechat.native")));
        Assert.NotEmpty(metrics.Values("gateway.provider.call.duration", ("provider.instance", "wx-a"), ("provider.operation", "create"), ("outcome", "success")));
        Assert.NotEmpty(metrics.Values("gateway.provider.call.duration", ("provider.instance", "wx-a"), ("provider.operation", "query")));
        Assert.NotEmpty(metrics.Values("gateway.sync.results", ("provider.instance", "wx-a")));
        await WaitAsync(() => metrics.Values("gateway.notify.outcomes", ("provider.instance", "wx-a")).Count > 0);
    }

    [Fact]
    public async Task Logs_CarryTraceIdAndPaymentId()
    {
        var created = await CreateAsync(gateway.ApiClient(), NativePayment("trace-logs"));
        var id = created.Str("id");
        await WaitAsync(() => gateway.Logs.Records.Any(r => r.Scopes.GetValueOrDefault("PaymentId") == id));
        var record = gateway.Logs.Records.First(r => r.Scopes.GetValueOrDefault("PaymentId") == id);
        Assert.Matches("^[0-9a-f]{32}$", record.Scopes["TraceId"]);
        Assert.Matches("^[0-9a-f]{16}$", record.Scopes["SpanId"]);
    }

    [Fact]
    public async Task BadSignatureNotify_IsCounted()
    {
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>());
        var body = "<xml><return_code>SUCCESS</return_code><out_trade_no>pay_x</out_trade_no><sign>00</sign></xml>";
        await gateway.ApiClient(apiKey: null).PostAsync("/notify/wx-b", new StringContent(body, System.Text.Encoding.UTF8, "application/xml"));
        Assert.NotEmpty(metrics.Values("gateway.notify.outcomes", ("provider.instance", "wx-b")));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match)
    {
        await WaitAsync(() => gateway.Spans.Any(match));
        return gateway.Spans.First(match);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(50);
        }
    }
}
