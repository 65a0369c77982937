namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Descriptor_NamesPluginAndChannel()
    {
        var descriptor = new WeChatNativePlugin().Descriptor;
        Assert.Equal("WeChatNative", descriptor.Name);
        Assert.Equal(["wechat.native"], descriptor.Channels);
        Assert.False(string.IsNullOrEmpty(descriptor.Version));
    }

    [Fact]
    public void ValidateSettings_ListsEveryBadKey()
    {
        var errors = new List<string>();
        new WeChatNativePlugin().ValidateSettings(
            PluginHarness.Settings(new() { ["ApiKey"] = "too-short-secret", ["SignType"] = "SHA1", ["BaseUrl"] = "not a url" }),
            errors);

        Assert.Equal(5, errors.Count);
        foreach (var key in new[] { "AppId", "MchId", "ApiKey", "SignType", "BaseUrl" })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.Contains("too-short-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSettings_EmptySection_ReportsRequiredKeys_WithoutThrowing()
    {
        var errors = new List<string>();
        new WeChatNativePlugin().ValidateSettings(PluginHarness.Settings([]), errors);
        Assert.Equal(["AppId is required.", "MchId is required.", "ApiKey is required."], errors);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("HMAC-SHA256")]
    [InlineData(null)]
    public void ValidateSettings_AcceptsGoodSettings(string? signType)
    {
        var errors = new List<string>();
        new WeChatNativePlugin().ValidateSettings(
            PluginHarness.Settings(new() { ["AppId"] = "wx1", ["MchId"] = "1", ["ApiKey"] = PluginHarness.ApiKey, ["SignType"] = signType }),
            errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Instance_Account_IsAppIdAndMchId()
        => Assert.Equal(new(PluginHarness.AppId, PluginHarness.MchId), new PluginHarness().Instance.Account);
}
