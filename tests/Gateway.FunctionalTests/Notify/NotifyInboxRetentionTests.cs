using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using Gateway.Notify;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>The inbox keeps notifies for Gateway:Notify:InboxRetention, then trims them; younger ones stay.</summary>
public class NotifyInboxRetentionTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task NotifiesOlderThanTheRetention_AreTrimmed_YoungerOnesKept(string backend)
    {
        var settings = await TestServices.BackendAsync(backend);
        settings["Gateway:Notify:InboxRetention"] = "00:00:03";
        settings["Gateway:Notify:InboxTrimInterval"] = "00:00:00.200";
        using var gateway = GatewayFactory.With(settings);
        var inbox = gateway.Services.GetRequiredService<NotifyInbox>();
        var http = gateway.ApiClient(null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment($"retention-{backend}", amount: 300))).Str("id");
        var younger = (await CreateAsync(gateway.ApiClient(), NativePayment($"retention-{backend}-2", amount: 300))).Str("id");

        await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId()));
        Assert.Single(await inbox.ListAsync("wx-a", null, 10, default));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // Only verified notifies are kept whole (unverified ones are sampled in notify_rejections).
        await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(younger, 300, NotifyFixtures.NewTransactionId()));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<NotifyInboxEntry> left;
        do
        {
            await Task.Delay(200);
            left = await inbox.ListAsync("wx-a", null, 10, default);
        }
        while (left.Count > 1 && DateTime.UtcNow < deadline);

        var kept = Assert.Single(left);
        Assert.DoesNotContain(id, System.Text.Encoding.UTF8.GetString(kept.Body));
        Assert.Contains(younger, System.Text.Encoding.UTF8.GetString(kept.Body));
    }
}
