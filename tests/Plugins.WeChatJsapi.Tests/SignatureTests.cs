using Gateway.WeChatPay.Jsapi;

namespace Gateway.Plugins.WeChatJsapi.Tests;

public sealed class SignatureTests
{
    private const string Ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    [Fact]
    public void JsSdkSignature_MatchesOfficialExample()
        => Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            JsSdkSignature.Compute(Ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value"));

    [Fact]
    public void JsSdkSignature_StripsFragment()
        => Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            JsSdkSignature.Compute(Ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value#section/2?x=1"));
}
