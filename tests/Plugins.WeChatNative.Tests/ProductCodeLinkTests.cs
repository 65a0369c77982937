using Gateway.Abstractions.Payments;
using Gateway.Abstractions.ProductCodes;
using Gateway.Plugins.WeChatNative.ProductCodes;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class ProductCodeLinkTests
{
    private const string Nonce = "NONCE0123456789abcdefghijklmnopq";

    private static WeChatPayOptions Options(WeChatSignType signType = WeChatSignType.Md5) => new()
    {
        AppId = PluginHarness.AppId, MchId = PluginHarness.MchId, ApiKey = PluginHarness.ApiKey, SignType = signType,
    };

    // Expected signs computed outside this code base (Python hashlib/hmac over the documented sign string).
    [Theory]
    [InlineData(WeChatSignType.Md5, "55D3E026C0BCA5B1C63510B2A5FC756B")]
    [InlineData(WeChatSignType.HmacSha256, "0411C8D214CDD88159864C5B8F8A151E89A37DFF2DB4A42F540597478FFCC93B")]
    public void Build_SignsTheFiveFields(WeChatSignType signType, string expectedSign)
    {
        var link = ProductCodeLink.Build(Options(signType), "sku-42", PluginHarness.Now, Nonce);

        Assert.Equal(
            $"weixin://wxpay/bizpayurl?sign={expectedSign}&appid=wx2421b1c4370ec43b&mch_id=10000100&product_id=sku-42&time_stamp=1714536000&nonce_str={Nonce}",
            link);
    }

    [Theory]
    [InlineData("sku-42", true)]
    [InlineData("A_b-9", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a&product_id=b", false)]
    public void IsValidProductId_FollowsString32OfUrlSafeCharacters(string productId, bool valid)
        => Assert.Equal(valid, ProductCodeLink.IsValidProductId(productId));

    [Fact]
    public void Instance_OffersProductCodes_SignedWithItsKey()
    {
        var provider = Assert.IsAssignableFrom<IProductCodeProvider>(new PluginHarness().Instance);

        var result = provider.CreateProductCodeUrl("sku-42");

        Assert.True(result.Succeeded);
        var link = result.Value!;
        var fields = QueryHelpers.ParseQuery(link[link.IndexOf('?', StringComparison.Ordinal)..])
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Assert.Equal(["sign", "appid", "mch_id", "product_id", "time_stamp", "nonce_str"], fields.Keys);
        Assert.Equal("1714536000", fields["time_stamp"]);
        Assert.True(WeChatSigner.Verify(fields, PluginHarness.ApiKey));
        Assert.NotEqual(fields["nonce_str"], QueryHelpers.ParseQuery(provider.CreateProductCodeUrl("sku-42").Value!.Split('?')[1])["nonce_str"].ToString());
    }

    [Fact]
    public void Instance_RefusesInvalidProductId_WithoutSigning()
    {
        var provider = (IProductCodeProvider)new PluginHarness().Instance;

        var result = provider.CreateProductCodeUrl("not ok");

        Assert.False(result.Succeeded);
        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
    }
}
