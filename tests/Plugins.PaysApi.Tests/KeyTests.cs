using Gateway.Plugins.PaysApi.Models;

namespace Gateway.Plugins.PaysApi.Tests;

public sealed class KeyTests
{
    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(100000, "1000.00")]
    [InlineData(123456, "1234.56")]
    [InlineData(10, "0.10")]
    [InlineData(0, "0.00")]
    public void Yuan_Format_UsesTwoDecimals(long fen, string expected) => Assert.Equal(expected, Yuan.Format(fen));

    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("1000.00", 100000)]
    [InlineData("1234.56", 123456)]
    [InlineData("0.5", 50)]
    [InlineData("7", 700)]
    public void Yuan_TryParse_ReadsFen(string text, long fen)
    {
        Assert.True(Yuan.TryParse(text, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("1.5.0")]
    [InlineData("abc")]
    [InlineData("-1.00")]
    [InlineData("1.001")]
    [InlineData("1e3")]
    [InlineData(" 1.00")]
    [InlineData("1,00")]
    [InlineData(".50")]
    [InlineData("1.")]
    [InlineData("")]
    [InlineData("9999999999999999.00")]
    public void Yuan_TryParse_RefusesMalformed(string text) => Assert.False(Yuan.TryParse(text, out _));

    [Theory]
    [InlineData("paysapi.alipay", 1L, "Tea", "order-1", "1", "0.01")]
    [InlineData("paysapi.wechat", 100000L, "Tea set", "order-2", "2", "1000.00")]
    [InlineData("paysapi.alipay", 1L, "", "", "1", "0.01")]
    [InlineData("paysapi.wechat", 123456L, "茶 & <b>", "o:1", "2", "1234.56")]
    public void PayKey_MatchesIndependentImplementation(string channel, long amount, string description, string merchantOrderId, string istype, string price)
    {
        var instance = (PaysApiInstance)new PluginHarness().ProviderInstance;
        var request = PluginHarness.Request(channel, amount, description, merchantOrderId);

        var fields = instance.BuildPayRequest(request).ToSignedFields(PluginHarness.Token);

        var returnUrl = $"{PluginHarness.PluginBaseUrl}return?orderid={request.PaymentId}";
        Assert.Equal(price, fields["price"]);
        Assert.Equal(istype, fields["istype"]);
        Assert.Equal(returnUrl, fields["return_url"]);
        Assert.Equal(PluginHarness.NotifyUrl.AbsoluteUri, fields["notify_url"]);
        Assert.Equal(description, fields["goodsname"]);
        Assert.Equal(merchantOrderId, fields["orderuid"]);
        var expected = IndependentKeys.Pay(description, istype, PluginHarness.NotifyUrl.AbsoluteUri, request.PaymentId, merchantOrderId, price, returnUrl, PluginHarness.Token, PluginHarness.Uid);
        Assert.Equal(expected, fields["key"]);
        Assert.DoesNotContain(fields.Values, v => v.Contains(PluginHarness.Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pay_1", "order-1", "p123", "0.01", "0.01")]
    [InlineData("pay_2", "", "p456", "1000.00", "999.98")]
    public void NotifyKey_MatchesIndependentImplementation(string orderId, string orderUid, string paysApiId, string price, string realPrice)
    {
        var notify = new PaysApiNotify { OrderId = orderId, OrderUid = orderUid, PaysApiId = paysApiId, Price = price, RealPrice = realPrice, Key = "" };
        Assert.Equal(IndependentKeys.Notify(orderId, orderUid, paysApiId, price, realPrice, "t0k"), PaysApiSigner.NotifyKey(notify, "t0k"));
    }

    [Fact]
    public void KnownVector_ForAnEmptyString_IsTheMd5OfTheTokenAlone()
        // md5("abc") is a published vector: 900150983cd24fb0d6963f7d28e17f72.
        => Assert.Equal("900150983cd24fb0d6963f7d28e17f72", IndependentKeys.Notify("", "", "", "", "", "abc"));
}
