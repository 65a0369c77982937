using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPay.Signing;

namespace Gateway.WeChatPay.Tests;

/// <summary>The official worked example of docs/protocols.md §A.</summary>
public sealed class SignerTests
{
    private const string Key = "192006250b4c09247ec02edce69f6a2d";
    private const string OfficialMd5 = "9A0A8659F005D6984697E2CA0A9CF3B7";
    private const string OfficialHmac = "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6";

    private static Dictionary<string, string> Official() => new()
    {
        ["appid"] = "wxd930ea5d5a258f4f",
        ["mch_id"] = "10000100",
        ["device_info"] = "1000",
        ["body"] = "test",
        ["nonce_str"] = "ibuaiVcKdpRxkhJA",
    };

    [Fact]
    public void BuildSignString_MatchesOfficialStringSignTemp()
        => Assert.Equal(
            "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=" + Key,
            WeChatSigner.BuildSignString(Official(), Key));

    [Fact]
    public void Sign_Md5_MatchesOfficialExample()
        => Assert.Equal(OfficialMd5, WeChatSigner.Sign(Official(), Key, WeChatSignType.Md5));

    [Fact]
    public void Sign_HmacSha256_MatchesOfficialExample()
        => Assert.Equal(OfficialHmac, WeChatSigner.Sign(Official(), Key, WeChatSignType.HmacSha256));

    [Fact]
    public void Sign_HmacWithoutKeySuffix_DoesNotGiveOfficialValue()
    {
        var stringA = "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA";
        var wrong = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(stringA)));
        Assert.StartsWith("F734F0E6", wrong);
        Assert.NotEqual(OfficialHmac, wrong);
    }

    [Fact]
    public void Sign_Md5_MatchesIndependentImplementation()
    {
        var fields = new Dictionary<string, string> { ["z_last"] = "中文 value", ["a_first"] = "1", ["Mixed"] = "x", ["sign_type"] = "MD5" };
        // Written out by hand: byte order puts upper-case before lower-case.
        var expected = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes("Mixed=x&a_first=1&sign_type=MD5&z_last=中文 value&key=" + Key)));
        Assert.Equal(expected, WeChatSigner.Sign(fields, Key, WeChatSignType.Md5));
    }

    [Fact]
    public void Sign_IncludesSignType_WhenPresent()
    {
        var with = Official();
        with["sign_type"] = "HMAC-SHA256";
        Assert.Contains("&sign_type=HMAC-SHA256&", WeChatSigner.BuildSignString(with, Key));
        Assert.NotEqual(OfficialHmac, WeChatSigner.Sign(with, Key, WeChatSignType.HmacSha256));
    }

    [Fact]
    public void Sign_SkipsEmptyValuesAndSign()
    {
        var fields = Official();
        fields["attach"] = "";
        fields["sign"] = "WHATEVER";
        Assert.Equal(OfficialMd5, WeChatSigner.Sign(fields, Key, WeChatSignType.Md5));
    }

    [Fact]
    public void Verify_AcceptsUnknownExtraFields()
    {
        var fields = Official();
        fields["brand_new_field"] = "added by WeChat later";
        fields["sign"] = WeChatSigner.Sign(fields, Key, WeChatSignType.Md5);
        Assert.True(WeChatSigner.Verify(fields, Key));
    }

    [Fact]
    public void Verify_RefusesTheOfficialSign_InLowerCase()
    {
        // WeChat sends upper-case hex; anything else is not what the provider sent.
        var fields = Official();
        fields["sign"] = OfficialMd5.ToLowerInvariant();
        Assert.False(WeChatSigner.Verify(fields, Key));
        Assert.False(WeChatSigner.Verify(fields, Key, WeChatSignType.Md5));
        fields["sign"] = OfficialMd5;
        Assert.True(WeChatSigner.Verify(fields, Key, WeChatSignType.Md5));
    }

    [Fact]
    public void Verify_WithTheAccountsAlgorithm_RefusesTheOther()
    {
        var md5 = Official();
        md5["sign"] = OfficialMd5;
        Assert.False(WeChatSigner.Verify(md5, Key, WeChatSignType.HmacSha256));

        var hmac = Official();
        hmac["sign"] = OfficialHmac;
        Assert.True(WeChatSigner.Verify(hmac, Key, WeChatSignType.HmacSha256));
        Assert.False(WeChatSigner.Verify(hmac, Key, WeChatSignType.Md5));
    }

    [Fact]
    public void Verify_RefusesASignTypeThatIsNotTheAccounts()
    {
        var fields = Official();
        fields["sign_type"] = "MD5";
        fields["sign"] = WeChatSigner.Sign(fields, Key, WeChatSignType.Md5);
        Assert.True(WeChatSigner.Verify(fields, Key, WeChatSignType.Md5));
        Assert.False(WeChatSigner.Verify(fields, Key, WeChatSignType.HmacSha256));
    }

    [Fact]
    public void Rejects_TamperedField()
    {
        var fields = Official();
        fields["sign"] = OfficialMd5;
        fields["body"] = "tested";
        Assert.False(WeChatSigner.Verify(fields, Key));
    }

    [Fact]
    public void Rejects_MissingSignOrWrongKey()
    {
        Assert.False(WeChatSigner.Verify(Official(), Key));
        var fields = Official();
        fields["sign"] = OfficialMd5;
        Assert.False(WeChatSigner.Verify(fields, "00000000000000000000000000000000"));
    }

    [Fact]
    public void Verify_InfersHmac_From64CharSign()
    {
        var fields = Official();
        fields["sign"] = OfficialHmac;
        Assert.True(WeChatSigner.Verify(fields, Key));
    }

    [Fact]
    public void Rejects_UnknownSignType()
    {
        var fields = Official();
        fields["sign_type"] = "SHA1";
        fields["sign"] = WeChatSigner.Sign(fields, Key, WeChatSignType.Md5);
        Assert.False(WeChatSigner.Verify(fields, Key));
    }
}
