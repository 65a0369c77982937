using Gateway.Notify;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Notify.Tests;

public class InProcessCapacityOptionsTests
{
    [Theory]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("10000001", false)]
    [InlineData("1", true)]
    [InlineData("100000", true)]
    public void InProcessDedupeCapacity_IsCheckedAtStart(string capacity, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Notify:InProcessDedupeCapacity"] = capacity,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddGateway(configuration);
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<NotifyOptions>>().Value;

        if (valid)
        {
            Assert.Equal(int.Parse(capacity), read().InProcessDedupeCapacity);
        }
        else
        {
            Assert.Contains("InProcessDedupeCapacity", Assert.Throws<OptionsValidationException>(read).Message);
        }
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    public void IdempotencyInProcessCapacity_IsCheckedAtStart(string capacity, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Idempotency:InProcessCapacity"] = capacity,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGateway(configuration).BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<Gateway.Idempotency.IdempotencyOptions>>().Value;

        if (valid)
        {
            Assert.Equal(1, read().InProcessCapacity);
        }
        else
        {
            Assert.Contains("InProcessCapacity", Assert.Throws<OptionsValidationException>(read).Message);
        }
    }
}
