using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Forged v3 notifies change nothing and get a v3 failure answer (4xx/5xx with <c>{"code":"FAIL"}</c>, so WeChat
/// would resend a genuine one). Each forgery differs from a genuine notify in one respect only; the genuine one,
/// sent last, succeeds, which shows the others failed for that respect.
/// </summary>
public sealed class V3ForgedNotifyTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    private const string Instance = "wx3-sandbox";

    [Fact]
    public async Task ForgedNotifies_ChangeNothing_ThenTheGenuineOneSucceeds()
    {
        var created = await CreateAsync(gateway.DemoApi(), V3FlowTests.Body("wechat.native", "v3-forged-1", 800));
        var id = created.Str("id");
        var transaction = V3Notifies.TransactionJson(id, 800);
        var genuine = V3Notifies.Envelope(transaction, V3GatewayFactory.ApiV3Key);
        using var stranger = RSA.Create(2048);

        var forgeries = new (string Name, HttpRequestMessage Request)[]
        {
            ("bad signature", V3Notifies.Signed(Instance, genuine, stranger, V3GatewayFactory.PublicKeyId)),
            ("unknown serial", V3Notifies.Signed(Instance, genuine, V3GatewayFactory.PlatformKey, "PUB_KEY_ID_0119000001092026999999999999999999")),
            ("old timestamp", V3Notifies.Signed(Instance, genuine, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId, DateTimeOffset.UtcNow.AddMinutes(-6))),
            ("tampered ciphertext", V3Notifies.Signed(Instance, V3Notifies.Envelope(transaction, V3GatewayFactory.ApiV3Key, tamper: Flip),
                V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId)),
            ("wrong associated_data", V3Notifies.Signed(Instance, V3Notifies.Envelope(transaction, V3GatewayFactory.ApiV3Key, associatedData: "refund"),
                V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId)),
            ("another APIv3 key", V3Notifies.Signed(Instance, V3Notifies.Envelope(transaction, "0123456789abcdef0123456789abcdef"),
                V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId)),
        };

        var notify = gateway.Browser();
        foreach (var (name, request) in forgeries)
        {
            var response = await notify.SendAsync(request);
            Assert.True((int)response.StatusCode is >= 400 and < 600, $"{name}: {(int)response.StatusCode}");
            var answer = await ReadAsync(response);
            Assert.Equal("FAIL", answer.Str("code"));
            Assert.False(string.IsNullOrWhiteSpace(answer.Str("message")), name);
            Assert.Equal("pending", (await GetAsync(gateway.DemoApi(), id)).Str("status"));
        }

        var accepted = await notify.SendAsync(V3Notifies.Signed(Instance, genuine, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("SUCCESS", (await ReadAsync(accepted)).Str("code"));
        var payment = await GetAsync(gateway.DemoApi(), id);
        Assert.Equal("succeeded", payment.Str("status"));
        Assert.Equal("4200000000202611290000000001", payment.Str("providerTransactionId"));

        // WeChat resends until it sees a 2xx: a replay is acknowledged again and changes nothing.
        var replay = await notify.SendAsync(V3Notifies.Signed(Instance, genuine, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(payment.ToJsonString(), (await GetAsync(gateway.DemoApi(), id)).ToJsonString());
    }

    [Fact]
    public async Task AVerifiedNotifyForAnotherAmount_IsAnsweredFail_AndChangesNothing()
    {
        var created = await CreateAsync(gateway.DemoApi(), V3FlowTests.Body("wechat.native", "v3-forged-amount", 800));
        var id = created.Str("id");
        var body = V3Notifies.Envelope(V3Notifies.TransactionJson(id, 1), V3GatewayFactory.ApiV3Key);

        var response = await gateway.Browser().SendAsync(V3Notifies.Signed(Instance, body, V3GatewayFactory.PlatformKey, V3GatewayFactory.PublicKeyId));

        Assert.True((int)response.StatusCode >= 400);
        Assert.Equal("FAIL", (await ReadAsync(response)).Str("code"));
        Assert.Equal("pending", (await GetAsync(gateway.DemoApi(), id)).Str("status"));
    }

    private static byte[] Flip(byte[] sealedBytes)
    {
        var copy = sealedBytes.ToArray();
        copy[0] ^= 0x01;
        return copy;
    }
}
