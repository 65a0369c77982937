using Gateway.RateLimiting;

namespace Gateway.Tests.RateLimiting;

public class RateLimitOptionsValidatorTests
{
    [Fact]
    public void Accepts_TheDefaults() => Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void Reports_EachBadLimit()
    {
        var options = new RateLimitOptions { Clients = { ["shop"] = new TokenBucketLimit { PermitsPerSecond = 0, Burst = 5 } } };
        options.Notify.Burst = 0;
        var result = new RateLimitOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Clients:shop", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Notify", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientLimit_OverridesTheDefault()
    {
        var own = new TokenBucketLimit { PermitsPerSecond = 1, Burst = 2 };
        var options = new RateLimitOptions { Clients = { ["shop"] = own } };
        Assert.Same(own, options.For("shop"));
        Assert.Same(options.Default, options.For("other"));
    }
}
