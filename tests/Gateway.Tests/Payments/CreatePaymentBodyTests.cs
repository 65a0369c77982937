namespace Gateway.Payments.Tests;

public class CreatePaymentBodyTests
{
    private static CreatePaymentBody Valid() => new()
    {
        Channel = "wechat.native",
        MerchantOrderId = "order-1",
        Amount = 1,
        Currency = "CNY",
        Description = "A cup of tea",
        ClientIp = "203.0.113.7",
    };

    [Fact]
    public void Accepts_ValidBody()
    {
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Rejects_EveryBadField_AtOnce()
    {
        var body = Valid() with
        {
            Channel = "",
            MerchantOrderId = "has space",
            Amount = 0,
            Currency = "USD",
            Description = new string('x', 129),
            ClientIp = "not-an-ip",
            NotifyUrl = "ftp://x",
            ExpiresIn = 10,
        };

        var errors = body.Validate();

        Assert.Equal(
            ["amount", "channel", "clientIp", "currency", "description", "expiresIn", "merchantOrderId", "notifyUrl"],
            errors.Keys.Order());
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(10_000_000_001L)]
    public void Rejects_AmountOutOfRange(long amount)
    {
        Assert.Contains("amount", (Valid() with { Amount = amount }).Validate().Keys);
    }

    [Fact]
    public void Accepts_IPv6()
    {
        Assert.Empty((Valid() with { ClientIp = "2001:db8::1" }).Validate());
    }
}
