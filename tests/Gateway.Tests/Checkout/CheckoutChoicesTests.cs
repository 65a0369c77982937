using Gateway.Checkout;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Checkout;

public sealed class CheckoutChoicesTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile Safari/537.36 MicroMessenger/8.0.47", "WeChat")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile Safari/537.36 AlipayClient/10.5.86", "Alipay")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1", "Mobile")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "Desktop")]
    [InlineData("", "Desktop")]
    public void Classify_ReadsTheUserAgent(string userAgent, string expected) => Assert.Equal(expected, CheckoutChoices.Classify(userAgent).ToString());

    [Fact]
    public void Preferred_TakesJsapiInsideWeChat_AlipayInsideAlipay_AndAsksEverywhereElse()
    {
        string[] offered = ["wechat.jsapi", "wechat.native", "paysapi.alipay"];
        Assert.Equal("wechat.jsapi", CheckoutChoices.Preferred(offered, PayerBrowser.WeChat));
        Assert.Equal("paysapi.alipay", CheckoutChoices.Preferred(offered, PayerBrowser.Alipay));
        Assert.Null(CheckoutChoices.Preferred(offered, PayerBrowser.Desktop));
        Assert.Null(CheckoutChoices.Preferred(["wechat.native"], PayerBrowser.WeChat));
    }

    [Fact]
    public void OpenIdHandOff_IsTrustedOnlyWithItsSecret_Unexpired_AndUntampered()
    {
        const string secret = "handoff-secret-0123456789abcdef";
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var expires = "1750000300";
        var signature = Sign(secret, "oPayer1", expires);

        Assert.True(CheckoutChoiceEndpoints.HandOffIsValid(secret, "oPayer1", expires, signature, time));
        Assert.False(CheckoutChoiceEndpoints.HandOffIsValid(secret, "oPayer2", expires, signature, time));
        Assert.False(CheckoutChoiceEndpoints.HandOffIsValid("another-secret-0123456789abcdef", "oPayer1", expires, signature, time));
        Assert.False(CheckoutChoiceEndpoints.HandOffIsValid(null, "oPayer1", expires, signature, time));
        Assert.False(CheckoutChoiceEndpoints.HandOffIsValid(secret, "oPayer1", "1750000301", signature, time));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(CheckoutChoiceEndpoints.HandOffIsValid(secret, "oPayer1", expires, signature, time));
    }

    private static string Sign(string secret, string openId, string expires)
        => Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(openId + "." + expires)));
}
