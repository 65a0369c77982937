using System.Text;
using Gateway.Plugins.WeChatNative.ProductCodes;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class ScanCallbackTests
{
    private static readonly WeChatPayOptions Options = new() { AppId = PluginHarness.AppId, MchId = PluginHarness.MchId, ApiKey = PluginHarness.ApiKey };

    // The shape of B10's callback (values from the mode-1 documentation's example).
    private static Dictionary<string, string> Callback() => new()
    {
        ["appid"] = PluginHarness.AppId, ["openid"] = "o8GeHuLAsgefS_80exEr1cTqekUs", ["mch_id"] = PluginHarness.MchId,
        ["is_subscribe"] = "Y", ["nonce_str"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", ["product_id"] = "88888",
    };

    private static byte[] Signed(Dictionary<string, string> fields, string key = PluginHarness.ApiKey, WeChatSignType type = WeChatSignType.Md5)
    {
        fields["sign"] = WeChatSigner.Sign(fields, key, type);
        return Encoding.UTF8.GetBytes(WeChatXml.Write(fields));
    }

    [Theory]
    [InlineData(WeChatSignType.Md5)]
    [InlineData(WeChatSignType.HmacSha256)]
    public void Parse_ReadsOpenIdAndProductId(WeChatSignType type)
    {
        var scan = ScanCallback.Parse(Signed(Callback(), type: type), OptionsFor(type));

        Assert.Null(scan.Rejection);
        Assert.Equal("o8GeHuLAsgefS_80exEr1cTqekUs", scan.OpenId);
        Assert.Equal("88888", scan.ProductId);
    }

    [Theory]
    [InlineData(WeChatSignType.Md5, WeChatSignType.HmacSha256)]
    [InlineData(WeChatSignType.HmacSha256, WeChatSignType.Md5)]
    public void Parse_RejectsASignOfAnotherAlgorithmThanTheAccounts(WeChatSignType signedWith, WeChatSignType account)
        => Assert.NotNull(ScanCallback.Parse(Signed(Callback(), type: signedWith), OptionsFor(account)).Rejection);

    private static WeChatPayOptions OptionsFor(WeChatSignType type) => new()
    {
        AppId = PluginHarness.AppId, MchId = PluginHarness.MchId, ApiKey = PluginHarness.ApiKey, SignType = type,
    };

    [Fact]
    public void Parse_RejectsWrongKey()
        => Assert.NotNull(ScanCallback.Parse(Signed(Callback(), key: "ffffffffffffffffffffffffffffffff"), Options).Rejection);

    [Fact]
    public void Parse_RejectsFieldChangedAfterSigning()
    {
        var body = Encoding.UTF8.GetString(Signed(Callback())).Replace("88888", "99999", StringComparison.Ordinal);

        Assert.NotNull(ScanCallback.Parse(Encoding.UTF8.GetBytes(body), Options).Rejection);
    }

    [Fact]
    public void Parse_RejectsAnotherMerchant()
    {
        var fields = Callback();
        fields["mch_id"] = "10000999";

        Assert.NotNull(ScanCallback.Parse(Signed(fields), Options).Rejection);
    }

    [Fact]
    public void Parse_RejectsMissingProductId()
    {
        var fields = Callback();
        fields.Remove("product_id");

        Assert.NotNull(ScanCallback.Parse(Signed(fields), Options).Rejection);
    }

    [Fact]
    public void Parse_RejectsNonXml()
        => Assert.NotNull(ScanCallback.Parse("product_id=1"u8, Options).Rejection);

    [Fact]
    public void Parse_RejectsBodyThatMakesSystemXmlThrow()
        => Assert.NotNull(ScanCallback.Parse(Convert.FromBase64String("PD94bWwgdmVyc2lvbj0iMS4wtCI/Pg=="), Options).Rejection);

    [Fact]
    public void Placed_IsSignedReplyWithPrepayId()
    {
        var reply = WeChatXml.Parse(ScanCallbackReply.Placed(Options, "wx201410272009395522657a690389285100", "nonce1"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.Equal("wx201410272009395522657a690389285100", reply["prepay_id"]);
        Assert.Equal(PluginHarness.AppId, reply["appid"]);
        Assert.Equal(PluginHarness.MchId, reply["mch_id"]);
        Assert.Equal("nonce1", reply["nonce_str"]);
        Assert.False(reply.ContainsKey("err_code_des"));
        Assert.True(WeChatSigner.Verify(reply, PluginHarness.ApiKey));
    }

    [Fact]
    public void Refused_IsSignedFailWithTextForThePayer()
    {
        var reply = WeChatXml.Parse(ScanCallbackReply.Refused(Options, "商品已下架", "nonce2"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("商品已下架", reply["err_code_des"]);
        Assert.False(reply.ContainsKey("prepay_id"));
        Assert.True(WeChatSigner.Verify(reply, PluginHarness.ApiKey));
    }

    [Fact]
    public void Untrusted_IsUnsignedFail()
    {
        var reply = WeChatXml.Parse(ScanCallbackReply.Untrusted("The signature does not verify."));

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.False(reply.ContainsKey("sign"));
        Assert.False(reply.ContainsKey("appid"));
    }
}
