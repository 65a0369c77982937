using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class IndependentSignerTests
{
    // WeChat's documented example (docs/protocols.md §A): the test signer must match it before it can judge the sandbox.
    private static readonly Dictionary<string, string> OfficialExample = new()
    {
        ["appid"] = "wxd930ea5d5a258f4f",
        ["mch_id"] = "10000100",
        ["device_info"] = "1000",
        ["body"] = "test",
        ["nonce_str"] = "ibuaiVcKdpRxkhJA",
    };

    [Theory]
    [InlineData(IndependentSigner.Md5, "9A0A8659F005D6984697E2CA0A9CF3B7")]
    [InlineData(IndependentSigner.HmacSha256, "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6")]
    public void Sign_Matches_OfficialExample(string signType, string expected) =>
        Assert.Equal(expected, IndependentSigner.Sign(OfficialExample, "192006250b4c09247ec02edce69f6a2d", signType));
}
