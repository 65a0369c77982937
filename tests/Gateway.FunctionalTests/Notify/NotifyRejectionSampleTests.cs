using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using Gateway.Notify;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>
/// The signature is checked before anything is kept: a forged notify's body never reaches the inbox, and only a
/// capped sample of forgeries is recorded (issue 11 item 7), on both stores.
/// </summary>
public class NotifyRejectionSampleTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("redis+postgres")]
    public async Task ThousandForgedNotifies_LeaveAtMostTheCapOfSamples_AndNoBodies(string backend)
    {
        var settings = await TestServices.BackendAsync(backend);
        settings["Gateway:Notify:RejectedSamplesPerMinute"] = "7";
        settings["Gateway:Notify:RejectedSampleBytes"] = "64";
        // The flood must reach verification: the per-IP limit for unverified notifies is not what is tested here.
        settings["Gateway:RateLimits:NotifyUnverifiedPerIp:PermitsPerSecond"] = "100000";
        settings["Gateway:RateLimits:NotifyUnverifiedPerIp:Burst"] = "100000";
        using var gateway = GatewayFactory.With(settings);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("forged-1", amount: 300))).Str("id");
        // A well-formed, wrong MD5 sign (the only 32 upper-case hex characters of the body).
        var forged = Regex.Replace(NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId()), "[0-9A-F]{32}", new string('A', 32));
        Assert.Contains(new string('A', 32), forged);
        using var http = gateway.ApiClient(apiKey: null);

        var acks = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            acks.Add(await NotifyFixtures.PostAsync(http, "wx-a", forged));
        }

        Assert.All(acks, a => Assert.Equal("FAIL", a));
        var rejections = gateway.Services.GetRequiredService<NotifyRejectionLog>();
        var recorder = gateway.Services.GetRequiredService<NotifyInboxRecorder>();
        await WaitUntilAsync(() => recorder.Pending == 0);
        var samples = await rejections.ListAsync("wx-a", 500, default);
        var minutes = samples.Select(s => s.ReceivedAt.ToUnixTimeSeconds() / 60).Distinct().Count();
        Assert.InRange(samples.Count, 1, 7 * minutes);
        Assert.All(samples, s =>
        {
            Assert.Equal("bad_signature", s.Reason);
            Assert.Equal(Encoding.UTF8.GetByteCount(forged), s.BodySize);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(forged))), s.BodySha256);
            Assert.Equal(forged[..64], s.BodyPrefix);
        });

        // No full body anywhere: the inbox has none of them, and the payment is untouched.
        Assert.Empty(await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", null, 500, default));
        Assert.Equal("pending", (await GetAsync(gateway.ApiClient(), id)).Str("status"));
    }

    /// <summary>Waits (up to 20 s, a loaded machine) for <paramref name="condition"/>, e.g. the recorder's batches all written.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
