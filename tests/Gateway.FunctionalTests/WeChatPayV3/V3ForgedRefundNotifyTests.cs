using System.Net;
using System.Security.Cryptography;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;
using static Gateway.FunctionalTests.WeChatPayV3.V3Refunds;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Forged <c>REFUND.*</c> notifies change nothing: refused for what they are (signature, timestamp, key, associated_data,
/// an event its refund_status contradicts) with a 400, trusted but disagreeing with the stored refund with a 500; the
/// genuine one, sent last, settles the refund, and its replay is acknowledged again. Refunds stay PROCESSING at the
/// sandbox here, so only these notifies can settle them.
/// </summary>
public sealed class V3ForgedRefundNotifyTests : IAsyncLifetime
{
    private const string Instance = "wx3-sandbox";
    private V3GatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new V3GatewayFactory(SlowRefunds);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task ForgedRefundNotifies_ChangeNothing_ThenTheGenuineOneSettles()
    {
        var api = _gateway.DemoApi();
        var paymentId = await PaidNativeAsync(_gateway, "v3-refund-forged-1", 800);
        var refund = await CreatedRefundAsync(api, paymentId, 100, "v3-r-forged-1");
        var id = refund.Str("id");
        var wechatId = refund.Str("providerRefundId");
        var genuine = Envelope(RefundJson(id, paymentId, 100, 800, refundId: wechatId), V3GatewayFactory.ApiV3Key);
        using var stranger = RSA.Create(2048);

        var forgeries = new (string Name, HttpRequestMessage Request, int Status)[]
        {
            ("bad signature", V3Notifies.Signed(Instance, genuine, stranger, V3GatewayFactory.PublicKeyId), 400),
            ("old timestamp", V3Notifies.Signed(Instance, genuine, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId, DateTimeOffset.UtcNow.AddMinutes(-6)), 400),
            ("another APIv3 key", Signed(Envelope(RefundJson(id, paymentId, 100, 800), "0123456789abcdef0123456789abcdef")), 400),
            ("wrong associated_data", Signed(Envelope(RefundJson(id, paymentId, 100, 800), V3GatewayFactory.ApiV3Key, declaredAssociatedData: "transaction")), 400),
            ("event contradicts status", Signed(Envelope(RefundJson(id, paymentId, 100, 800, status: "CLOSED"), V3GatewayFactory.ApiV3Key)), 400),
            ("another amount", Signed(Envelope(RefundJson(id, paymentId, 99, 800), V3GatewayFactory.ApiV3Key)), 500),
            ("another total", Signed(Envelope(RefundJson(id, paymentId, 100, 801, refundId: wechatId), V3GatewayFactory.ApiV3Key)), 500),
            ("another refund_id", Signed(Envelope(RefundJson(id, paymentId, 100, 800, refundId: "50000000382019052709732678850"), V3GatewayFactory.ApiV3Key)), 500),
            ("another merchant", Signed(Envelope(RefundJson(id, paymentId, 100, 800, mchId: "1900000001"), V3GatewayFactory.ApiV3Key)), 500),
            ("unknown refund", Signed(Envelope(RefundJson("re_nosuchrefund000000000001", paymentId, 100, 800), V3GatewayFactory.ApiV3Key)), 500),
        };

        var notify = _gateway.Browser();
        foreach (var (name, request, expected) in forgeries)
        {
            var response = await notify.SendAsync(request);
            Assert.True((int)response.StatusCode == expected, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("FAIL", (await ReadAsync(response)).Str("code"));
            Assert.Equal("pending", (await ReadAsync(await api.GetAsync($"/v1/refunds/{id}"))).Str("status"));
        }

        var accepted = await notify.SendAsync(Signed(genuine));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("succeeded", (await ReadAsync(await api.GetAsync($"/v1/refunds/{id}"))).Str("status"));
        var replay = await notify.SendAsync(Signed(genuine));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));
    }

    private static HttpRequestMessage Signed(string body)
        => V3Notifies.Signed(Instance, body, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId);
}
