using Gateway.Sandbox.Tests.Infrastructure;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class OptionsTests
{
    [Fact]
    public async Task Start_Rejects_ShortApiKey_NamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SandboxHost.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:WeChatPay:Merchants:0:ApiKey"] = "short" }));

        Assert.Contains("Sandbox:WeChatPay:Merchants:0:ApiKey", error.Message);
    }

    [Fact]
    public async Task Start_Rejects_DuplicateMerchantAndEmptyAppIds_InOneMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SandboxHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Sandbox:WeChatPay:Merchants:1:MchId"] = SandboxHost.MchId,
                ["Sandbox:WeChatPay:Merchants:1:AppIds:0"] = "",
            }));

        Assert.Contains("Sandbox:WeChatPay:Merchants:1:MchId", error.Message);
        Assert.Contains("Sandbox:WeChatPay:Merchants:1:AppIds", error.Message);
    }

    [Fact]
    public void Options_Default_ToWeChatSchedule()
    {
        var config = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddGatewaySandbox(config).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<WeChatPaySandboxOptions>>().Value;

        Assert.Equal(15, options.NotifyRetrySchedule!.Count);
        Assert.Equal(TimeSpan.FromSeconds(15), options.NotifyRetrySchedule[0]);
        Assert.Equal(TimeSpan.FromHours(6), options.NotifyRetrySchedule[14]);
        Assert.Equal(TimeSpan.FromSeconds(5), options.NotifyTimeout);
        Assert.Equal(TimeSpan.FromHours(2), options.CodeUrlLifetime);
    }
}
