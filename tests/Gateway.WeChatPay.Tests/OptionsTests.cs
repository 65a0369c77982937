using Gateway.WeChatPay.Signing;

namespace Gateway.WeChatPay.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Validate_NamesEveryBadKey()
    {
        var errors = new List<string>();
        new WeChatPayOptions { ApiKey = "short", SignType = (WeChatSignType)42, BaseUrl = "ftp://x" }.Validate(errors);
        Assert.Equal(5, errors.Count);
        foreach (var key in new[] { "AppId", "MchId", "ApiKey", "SignType", "BaseUrl" })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.Contains("short", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AcceptsGoodOptions()
    {
        var errors = new List<string>();
        new WeChatPayOptions { AppId = "wx1", MchId = "1", ApiKey = new string('k', 32) }.Validate(errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Options_ToString_DoesNotLeakKey()
        => Assert.DoesNotContain("kkkk", new WeChatPayOptions { ApiKey = new string('k', 32) }.ToString(), StringComparison.Ordinal);

    [Fact]
    public void WeChatTime_UsesBeijingTime()
    {
        Assert.Equal("20240101080000", WeChatTime.ToWire(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(WeChatTime.TryParse("20240101080000", out var parsed));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), parsed);
        Assert.False(WeChatTime.TryParse("2024-01-01", out _));
    }
}
