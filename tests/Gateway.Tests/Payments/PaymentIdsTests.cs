namespace Gateway.Payments.Tests;

public class PaymentIdsTests
{
    [Fact]
    public void NewPaymentId_FitsWeChatOutTradeNo()
    {
        var id = PaymentIds.NewPaymentId(DateTimeOffset.UtcNow);

        Assert.Matches("^pay_[0-9A-HJKMNP-TV-Z]{26}$", id);
        Assert.True(id.Length <= 32);
    }

    [Fact]
    public void NewPaymentId_IsUnique_AndSortsByTime()
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var ids = Enumerable.Range(0, 2000).Select(i => PaymentIds.NewPaymentId(t.AddMilliseconds(i))).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NewPaymentId_SameMillisecond_StillUnique()
    {
        var t = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 1000).Select(_ => PaymentIds.NewPaymentId(t)).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }
}
