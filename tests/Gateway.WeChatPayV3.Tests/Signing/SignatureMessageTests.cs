using Gateway.WeChatPayV3.Signing;

namespace Gateway.WeChatPayV3.Tests.Signing;

/// <summary>The official signature-guide example (docs/protocols.md §F): message and header layout.</summary>
public sealed class SignatureMessageTests
{
    [Fact]
    public void RequestMessage_ReproducesTheOfficialGetCertificatesExample()
    {
        var message = WeChatPayV3Signer.RequestMessage("GET", "/v3/certificates", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", "");

        Assert.Equal("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n", message);
    }

    [Fact]
    public void RequestMessage_EndsTheBodyLineWithANewline()
    {
        var message = WeChatPayV3Signer.RequestMessage("POST", "/v3/pay/transactions/native", 1, "N", "{\"a\":1}");

        Assert.Equal("POST\n/v3/pay/transactions/native\n1\nN\n{\"a\":1}\n", message);
    }

    [Fact]
    public void ReplyMessage_IsTimestampNonceBody_OverTheRawBytes()
    {
        var body = "{\"code\":\"SUCCESS\",\"msg\":\"成功\"}"u8.ToArray();

        var message = WeChatPayV3Signer.ReplyMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", body);

        Assert.Equal("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"code\":\"SUCCESS\",\"msg\":\"成功\"}\n"u8.ToArray(), message);
    }

    [Fact]
    public void PaySignMessage_IsFourLines()
    {
        Assert.Equal("wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n",
            WeChatPayV3Signer.PaySignMessage("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100"));
    }

    [Fact]
    public void AuthorizationHeader_HasTheOfficialLayout()
    {
        var header = new AuthorizationHeader("1900009191", "593BEC0C930BF1AFEB40B4A08C8FB242", "uOVRnA4qG/MNnYzdQxJanN+zU+", 1554208460,
            "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C");

        Assert.Equal(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"uOVRnA4qG/MNnYzdQxJanN+zU+\",timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"",
            header.ToString());
    }

    [Fact]
    public void AuthorizationHeader_ParsesPairsInAnyOrder()
    {
        var value = "WECHATPAY2-SHA256-RSA2048 serial_no=\"ABC\",timestamp=\"1554208460\", signature=\"c2ln\",nonce_str=\"N1\",mchid=\"1900009191\"";

        Assert.True(AuthorizationHeader.TryParse(value, out var header));
        Assert.Equal(new AuthorizationHeader("1900009191", "N1", "c2ln", 1554208460, "ABC"), header);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer x")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",signature=\"s\",timestamp=\"1\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",signature=\"s\",timestamp=\"x\",serial_no=\"S\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"2\",nonce_str=\"n\",signature=\"s\",timestamp=\"1\",serial_no=\"S\"")]
    public void AuthorizationHeader_RefusesMalformedValues(string? value)
    {
        Assert.False(AuthorizationHeader.TryParse(value, out _));
    }
}
