using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Client.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Client.Webhooks.Tests;

public sealed class WebhookVerifierTests
{
    private const string Body = """{"id":"evt_1","type":"payment.succeeded","createdAt":"2026-01-01T00:00:00+00:00","data":{"id":"pay_1","status":"succeeded","channel":"wechat.native","provider":"wx","merchantOrderId":"o-1","amount":1,"currency":"CNY","description":"Tea","paidAmount":1,"metadata":{}}}""";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 10, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void AcceptsASignatureByItsSecret()
        => Assert.Equal(WebhookVerification.Valid, Verifier("old-secret-0123456789").Verify(Bytes(Body), Header(Now, "old-secret-0123456789")));

    [Fact]
    public void AcceptsEitherSecretDuringARotation()
    {
        var header = Header(Now, "old-secret-0123456789", "new-secret-9876543210");
        Assert.Equal(WebhookVerification.Valid, Verifier("new-secret-9876543210").Verify(Bytes(Body), header));
        Assert.Equal(WebhookVerification.Valid, Verifier("unrelated-secret-000", "old-secret-0123456789").Verify(Bytes(Body), header));
    }

    [Fact]
    public void RefusesAnotherSecret()
        => Assert.Equal(WebhookVerification.SignatureMismatch, Verifier("mine-0123456789abc").Verify(Bytes(Body), Header(Now, "theirs-0123456789ab")));

    [Fact]
    public void RefusesAChangedBody()
        => Assert.Equal(WebhookVerification.SignatureMismatch,
            Verifier("secret-0123456789ab").Verify(Bytes(Body.Replace("\"amount\":1", "\"amount\":9", StringComparison.Ordinal)), Header(Now, "secret-0123456789ab")));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void RefusesATimestampOutsideTheTolerance(int offsetSeconds)
        => Assert.Equal(WebhookVerification.Expired, Verifier("secret-0123456789ab").Verify(Bytes(Body), Header(Now.AddSeconds(offsetSeconds), "secret-0123456789ab")));

    [Fact]
    public void AcceptsATimestampInsideTheTolerance()
        => Assert.Equal(WebhookVerification.Valid, Verifier("secret-0123456789ab").Verify(Bytes(Body), Header(Now.AddSeconds(-299), "secret-0123456789ab")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=1767225610")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1767225610,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    public void RefusesAMalformedHeader(string? header)
        => Assert.Equal(WebhookVerification.Malformed, Verifier("secret-0123456789ab").Verify(Bytes(Body), header));

    [Fact]
    public void VerifyAndParse_ReturnsTheEvent()
    {
        var evt = Verifier("secret-0123456789ab").VerifyAndParse(Bytes(Body), Header(Now, "secret-0123456789ab"));

        Assert.Equal("evt_1", evt.Id);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, evt.Type);
        Assert.Equal(1, evt.Data.PaidAmount);
    }

    [Fact]
    public void VerifyAndParse_ThrowsWithTheReason()
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Verifier("secret-0123456789ab").VerifyAndParse(Bytes(Body), Header(Now, "other-secret-01234567")));
        Assert.Equal(WebhookVerification.SignatureMismatch, ex.Result);
    }

    [Fact]
    public void NeedsASecret() => Assert.Throws<ArgumentException>(() => new WebhookVerifier([""]));

    private WebhookVerifier Verifier(params string[] secrets) => new(secrets, TimeSpan.FromMinutes(5), _time);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    // Written from docs/webhooks.md, independently of the verifier: t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)> per secret.
    private static string Header(DateTimeOffset at, params string[] secrets)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "t=" + t + string.Concat(secrets.Select(s =>
            ",v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), Encoding.UTF8.GetBytes(t + "." + Body)))));
    }
}
