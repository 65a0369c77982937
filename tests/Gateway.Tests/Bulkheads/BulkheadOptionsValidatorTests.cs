using Gateway.Bulkheads;
using Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Bulkheads;

public class BulkheadOptionsValidatorTests
{
    [Fact]
    public void Reports_EveryBadValue_ByPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Providers:a:Bulkhead:MaxConcurrency"] = "0",
            ["Gateway:Providers:a:Bulkhead:TimeoutSeconds"] = "-1",
            ["Gateway:Providers:b:Bulkhead:MaxQueue"] = "lots",
            ["Gateway:Providers:c:Plugin"] = "WeChatNative",
        }).Build();

        var result = new BulkheadOptionsValidator(configuration).Validate(null, new GatewayOptions());

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Gateway:Providers:a:Bulkhead:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:Providers:a:Bulkhead:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:Providers:b:Bulkhead", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(":c:", StringComparison.Ordinal));
    }
}
