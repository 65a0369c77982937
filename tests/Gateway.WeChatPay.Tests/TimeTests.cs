namespace Gateway.WeChatPay.Tests;

public sealed class TimeTests
{
    [Theory]
    [InlineData("00010101000000")] // found by fuzz/: before 0001-01-01 08:00 Beijing there is no UTC instant
    [InlineData("00010101075959")]
    [InlineData("20241301000000")]
    [InlineData("2024010100000")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_IsFalse_NeverThrows(string? value)
    {
        Assert.False(WeChatTime.TryParse(value, out var instant));
        Assert.Equal(default, instant);
    }

    [Fact]
    public void TryParse_ReadsTheExtremes()
    {
        Assert.True(WeChatTime.TryParse("00010101080000", out var earliest));
        Assert.Equal(DateTimeOffset.MinValue.UtcDateTime, earliest.UtcDateTime);
        Assert.True(WeChatTime.TryParse("99991231235959", out var latest));
        Assert.Equal(new DateTime(9999, 12, 31, 15, 59, 59, DateTimeKind.Utc), latest.UtcDateTime);
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")] // found by fuzz/ (trade-bill, 交易时间): it threw as time_end did
    [InlineData("0001-01-01 07:59:59")]
    [InlineData("2024-13-01 00:00:00")]
    [InlineData("20240101000000")]
    [InlineData(null)]
    public void TryParseDateTime_IsFalse_NeverThrows(string? value)
    {
        Assert.False(WeChatTime.TryParseDateTime(value, out var instant));
        Assert.Equal(default, instant);
    }

    [Fact]
    public void TryParseDateTime_ReadsTheEarliestInstant()
    {
        Assert.True(WeChatTime.TryParseDateTime("0001-01-01 08:00:00", out var earliest));
        Assert.Equal(DateTimeOffset.MinValue.UtcDateTime, earliest.UtcDateTime);
    }
}
