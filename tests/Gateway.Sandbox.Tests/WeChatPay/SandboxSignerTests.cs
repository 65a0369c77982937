using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.Tests.WeChatPay;

/// <summary>The sandbox's own signer against the official worked example (the gateway's signer meets the same vector).</summary>
public sealed class SandboxSignerTests
{
    private const string OfficialKey = "192006250b4c09247ec02edce69f6a2d";

    private static readonly Dictionary<string, string> OfficialExample = new()
    {
        ["appid"] = "wxd930ea5d5a258f4f",
        ["mch_id"] = "10000100",
        ["device_info"] = "1000",
        ["body"] = "test",
        ["nonce_str"] = "ibuaiVcKdpRxkhJA",
    };

    [Theory]
    [InlineData(WeChatSignType.Md5, "9A0A8659F005D6984697E2CA0A9CF3B7")]
    [InlineData(WeChatSignType.HmacSha256, "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6")]
    public void Sign_Matches_OfficialExample(WeChatSignType type, string expected) =>
        Assert.Equal(expected, SandboxSigner.Sign(OfficialExample, OfficialKey, type));

    [Fact]
    public void Sign_IgnoresEmptyValuesAndSign()
    {
        var padded = new Dictionary<string, string>(OfficialExample) { ["attach"] = "", ["sign"] = "ANYTHING" };

        Assert.Equal("9A0A8659F005D6984697E2CA0A9CF3B7", SandboxSigner.Sign(padded, OfficialKey, WeChatSignType.Md5));
    }

    [Fact]
    public void Sign_WithoutKeySuffix_IsNotTheOfficialHmac()
    {
        // The documented trap: an HMAC over stringA alone (no "&key=") must not produce the official sign.
        Assert.NotEqual("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6",
            SandboxSigner.Sign(OfficialExample, "", WeChatSignType.HmacSha256));
    }

    [Fact]
    public void Verify_RefusesLowerCaseSign()
    {
        var signed = new Dictionary<string, string>(OfficialExample) { ["sign"] = "9a0a8659f005d6984697e2ca0a9cf3b7" };

        Assert.False(SandboxSigner.Verify(signed, OfficialKey, WeChatSignType.Md5));
        signed["sign"] = "9A0A8659F005D6984697E2CA0A9CF3B7";
        Assert.True(SandboxSigner.Verify(signed, OfficialKey, WeChatSignType.Md5));
    }

    [Fact]
    public void SandboxAndGatewaySigners_Agree_OnUnicodeAndManyFields()
    {
        var fields = new Dictionary<string, string>
        {
            ["body"] = "腾讯充值中心-QQ会员充值", ["attach"] = "a&b=c", ["total_fee"] = "1", ["Zeta"] = "upper first",
            ["nonce_str"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", ["sign_type"] = "HMAC-SHA256",
        };

        foreach (var type in new[] { WeChatSignType.Md5, WeChatSignType.HmacSha256 })
        {
            Assert.Equal(WeChatSigner.Sign(fields, OfficialKey, type), SandboxSigner.Sign(fields, OfficialKey, type));
        }
    }
}
