using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Plugins.PaysApi.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Descriptor_NamesPluginAndBothChannels()
    {
        var descriptor = new PaysApiPlugin().Descriptor;
        Assert.Equal("PaysApi", descriptor.Name);
        Assert.Equal(["paysapi.alipay", "paysapi.wechat"], descriptor.Channels);
    }

    [Fact]
    public void ValidateSettings_ListsEveryBadKey_WithoutEchoingValues()
    {
        var errors = new List<string>();
        new PaysApiPlugin().ValidateSettings(
            PluginHarness.Settings(new()
            {
                ["Uid"] = new string('u', 25), ["Token"] = "   ", ["StartMode"] = "Redirect-secret-ish",
                ["BaseUrl"] = "ftp://pay.example/", ["ToleranceFen"] = "-3",
            }),
            errors);

        Assert.Equal(5, errors.Count);
        foreach (var key in new[] { "Uid", "Token", "StartMode", "BaseUrl", "ToleranceFen" })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.Contains("Redirect-secret-ish", StringComparison.Ordinal) || e.Contains("uuuu", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSettings_EmptySection_ReportsRequiredKeys()
    {
        var errors = new List<string>();
        new PaysApiPlugin().ValidateSettings(PluginHarness.Settings([]), errors);
        Assert.Equal(["Uid is required.", "Token is required."], errors);
    }

    [Theory]
    [InlineData("FormPost", "0")]
    [InlineData("json", "5")]
    [InlineData(null, null)]
    public void ValidateSettings_AcceptsGoodSettings(string? startMode, string? tolerance)
    {
        var errors = new List<string>();
        new PaysApiPlugin().ValidateSettings(
            PluginHarness.Settings(new() { ["Uid"] = PluginHarness.Uid, ["Token"] = PluginHarness.Token, ["StartMode"] = startMode, ["ToleranceFen"] = tolerance }),
            errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void CreateInstance_WithBadSettings_ThrowsWithoutTheToken()
    {
        var context = new Abstractions.Plugins.ProviderInstanceContext
        {
            InstanceName = "x",
            Settings = PluginHarness.Settings(new() { ["Token"] = "the-token-value", ["StartMode"] = "nope" }),
            Services = new ServiceCollection().BuildServiceProvider(),
            NotifyUrl = PluginHarness.NotifyUrl,
            RefundNotifyUrl = PluginHarness.NotifyUrl,
            PluginBaseUrl = PluginHarness.PluginBaseUrl,
            HttpClientName = "x",
        };
        var ex = Assert.Throws<InvalidOperationException>(() => new PaysApiPlugin().CreateInstance(context));
        Assert.DoesNotContain("the-token-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instance_Account_IsUidWithoutAppId()
        => Assert.Equal(new(null, PluginHarness.Uid), new PluginHarness().ProviderInstance.Account);
}
