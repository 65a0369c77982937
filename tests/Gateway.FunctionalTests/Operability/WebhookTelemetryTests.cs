using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

/// <summary>The webhook delivery span links back to the payment's create span, like notify and sync do.</summary>
public class WebhookTelemetryTests
{
    [Fact]
    public async Task WebhookDeliverySpan_LinksToTheCreateSpan()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(
            new Dictionary<string, string?> { ["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new SpanList(spans))));
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("webhook-trace"));
        var id = created.Str("id");
        await ScanAsync(api, created.Str("action.codeUrl"));
        await receiver.WaitForAsync(r => r.Acknowledged.Count == 1, TimeSpan.FromSeconds(15));

        var create = await WaitForSpanAsync(spans, s => s.OperationName == GatewayActivities.Create && (string?)s.GetTagItem("payment.id") == id);
        var deliver = await WaitForSpanAsync(spans, s => s.OperationName == GatewayActivities.WebhookDeliver && (string?)s.GetTagItem("payment.id") == id);

        Assert.Contains(deliver.Links, l => l.Context.TraceId == create.TraceId && l.Context.SpanId == create.SpanId);
        Assert.Equal("delivered", deliver.GetTagItem("webhook.outcome"));
    }

    private static async Task<Activity> WaitForSpanAsync(ConcurrentQueue<Activity> spans, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The span was not exported.");
        return null!;
    }
}
