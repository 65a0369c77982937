using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>A forged notify flood is cut off at its source IP and never spends the instance's bucket, so the provider's real notifies still get through.</summary>
public class NotifyIntakeLimitTests
{
    [Fact]
    public async Task ForgedFlood_Is429AtItsSource_RealNotifyFromElsewhere_StillApplies()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:NotifyUnverifiedPerIp:PermitsPerSecond"] = "1",
            ["Gateway:RateLimits:NotifyUnverifiedPerIp:Burst"] = "3",
            ["Gateway:RateLimits:Notify:PermitsPerSecond"] = "1",
            ["Gateway:RateLimits:Notify:Burst"] = "3",
        });
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("intake-real", amount: 300))).Str("id");

        using var attacker = From(gateway, "127.0.0.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            var forged = $"<xml><return_code>SUCCESS</return_code><out_trade_no>{id}</out_trade_no><sign>0123ABCD</sign></xml>";
            statuses.Add((await attacker.PostAsync("/notify/wx-a", new StringContent(forged, Encoding.UTF8, "text/xml"))).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s != HttpStatusCode.TooManyRequests), 3, 5);

        // The provider (another address) is not starved: the forgeries spent only the attacker's bucket.
        using var provider = From(gateway, "127.0.0.2");
        var body = NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId());
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(provider, "wx-a", body));
        Assert.Equal("succeeded", (await GetAsync(gateway.ApiClient(), id)).Str("status"));
    }

    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x address reaches the loopback listener).</summary>
    private static HttpClient From(GatewayFactory gateway, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(gateway.BaseUrl) };
    }
}
