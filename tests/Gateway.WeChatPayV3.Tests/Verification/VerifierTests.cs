using System.Globalization;
using System.Security.Cryptography;
using Gateway.WeChatPayV3.Signing;
using Gateway.WeChatPayV3.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.WeChatPayV3.Tests.Verification;

public sealed class VerifierTests : IDisposable
{
    private const string KeyId = "PUB_KEY_ID_0114232134912410000000000000";
    private readonly RSA _platform = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T10:00:00Z", CultureInfo.InvariantCulture));
    private readonly byte[] _body = "{\"id\":\"EV-2018022511223320873\",\"event_type\":\"TRANSACTION.SUCCESS\"}"u8.ToArray();

    [Fact]
    public async Task Valid_WhenSignedByTheNamedKey_AndFresh()
    {
        Assert.Equal(SignatureCheck.Valid, await VerifyAsync(Signed(_body)));
    }

    [Fact]
    public async Task BadSignature_WhenTheBodyChanged()
    {
        var headers = Signed(_body);
        var changed = _body.ToArray();
        changed[^3] ^= 1;

        Assert.Equal(SignatureCheck.BadSignature, await VerifyAsync(headers, changed));
    }

    [Fact]
    public async Task BadSignature_WhenSignedByAnotherKey()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(SignatureCheck.BadSignature, await VerifyAsync(Signed(_body, key: other)));
    }

    [Fact]
    public async Task UnknownSerial_WhenTheSerialNamesNoKey()
    {
        Assert.Equal(SignatureCheck.UnknownSerial, await VerifyAsync(Signed(_body) with { Serial = "PUB_KEY_ID_0000" }));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task StaleTimestamp_WhenMoreThanFiveMinutesOff(int seconds)
    {
        var signedAt = _time.GetUtcNow().AddSeconds(seconds);
        Assert.Equal(SignatureCheck.StaleTimestamp, await VerifyAsync(Signed(_body, signedAt)));
        Assert.Equal(SignatureCheck.Valid, await VerifyAsync(Signed(_body, _time.GetUtcNow().AddSeconds(Math.Sign(seconds) * 299))));
    }

    [Fact]
    public async Task MissingHeaders_WhenAHeaderIsAbsent()
    {
        Assert.False(WeChatPaySignatureHeaders.TryRead(new Dictionary<string, string> { ["Wechatpay-Nonce"] = "n" }, out var headers));
        Assert.Equal(SignatureCheck.MissingHeaders, await VerifyAsync(headers));
    }

    [Fact]
    public void Headers_AreReadCaseInsensitively_AndOtherSignatureTypesRefused()
    {
        var received = new Dictionary<string, string>
        {
            ["wechatpay-timestamp"] = "1", ["WECHATPAY-NONCE"] = "n", ["Wechatpay-Signature"] = "s", ["Wechatpay-Serial"] = "S",
        };
        Assert.True(WeChatPaySignatureHeaders.TryRead(received, out _));
        received["Wechatpay-Signature-Type"] = "WECHATPAY2-SM2-WITH-SM3";
        Assert.False(WeChatPaySignatureHeaders.TryRead(received, out _));
    }

    [Fact]
    public void Headers_NamedTwiceInDifferentCase_AreRefused_NotThrown()
    {
        var received = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Wechatpay-Timestamp"] = "1", ["Wechatpay-Nonce"] = "n", ["wechatpay-nonce"] = "m", ["Wechatpay-Signature"] = "s", ["Wechatpay-Serial"] = "S",
        };

        Assert.False(WeChatPaySignatureHeaders.TryRead(received, out var headers));
        Assert.Null(headers);
    }

    public void Dispose() => _platform.Dispose();

    private ValueTask<SignatureCheck> VerifyAsync(WeChatPaySignatureHeaders? headers, byte[]? body = null)
        => new WeChatPayV3Verifier(new PublicKeySource(KeyId, _platform), _time).VerifyAsync(headers, body ?? _body, CancellationToken.None);

    private WeChatPaySignatureHeaders Signed(byte[] body, DateTimeOffset? at = null, RSA? key = null)
    {
        var timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
        return new(timestamp, nonce, WeChatPayV3Signer.Sign(key ?? _platform, WeChatPayV3Signer.ReplyMessage(timestamp, nonce, body)), KeyId);
    }
}
