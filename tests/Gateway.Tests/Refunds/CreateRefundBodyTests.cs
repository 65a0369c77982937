using Gateway.Refunds;

namespace Gateway.Refunds.Tests;

public class CreateRefundBodyTests
{
    [Theory]
    [InlineData("r-1")]
    [InlineData("A_b-C|d*e@9")]
    [InlineData("x123456789012345678901234567890123456789012345678901234567890123")] // 64
    public void Accepts_MerchantRefundIds_WeChatAllows(string id)
        => Assert.Empty(new CreateRefundBody { Amount = 1, MerchantRefundId = id }.Validate());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("控制")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")] // 65
    public void Rejects_OtherMerchantRefundIds(string? id)
        => Assert.Contains("merchantRefundId", new CreateRefundBody { Amount = 1, MerchantRefundId = id }.Validate().Keys);

    [Fact]
    public void Rejects_AMissingAmount_ALongReason_AndControlCharacters()
    {
        var errors = new CreateRefundBody { MerchantRefundId = "r", Reason = new string('x', 81) }.Validate();
        Assert.Equal(["amount", "reason"], errors.Keys.Order());
        Assert.Contains("reason", new CreateRefundBody { Amount = 1, MerchantRefundId = "r", Reason = "bad\u0007" }.Validate().Keys);
    }
}
