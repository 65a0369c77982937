using Gateway.Abstractions.Payments;
using Gateway.Tests.Common;

namespace Gateway.Payments.Tests;

public class PaymentCreatorFailoverTests
{
    private static readonly ProviderResult<CreatePaymentResult> SystemError =
        new ProviderError(ProviderErrorKind.Transient, "SYSTEMERROR", "system busy");

    private static Dictionary<string, string?> Route(string policy) => new()
    {
        ["Gateway:Routes:qr:Channel"] = "fake.qr",
        ["Gateway:Routes:qr:Instances:0"] = "acct-a",
        ["Gateway:Routes:qr:Instances:1"] = "acct-b",
        ["Gateway:Routes:qr:Policy"] = policy,
        ["Gateway:Providers:acct-a:Plugin"] = "Fake",
        ["Gateway:Providers:acct-a:Settings:MerchantId"] = "m-a",
        ["Gateway:Providers:acct-b:Plugin"] = "Fake",
        ["Gateway:Providers:acct-b:Settings:MerchantId"] = "m-b",
    };

    private static async Task<(int? Status, string? Instance)> CreateAsync(GatewayHarness gateway, string order)
    {
        var result = await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake(order), default);
        var status = PaymentBodies.StatusOf(result);
        return status == 201 ? (status, (await gateway.Store.GetAsync(PaymentBodies.PaymentIdOf(result), default))!.ProviderInstance) : (status, null);
    }

    [Fact]
    public async Task Failover_UnreachableInstance_PaymentsSucceedThroughTheOther_ThenTrafficReturnsAfterTheBench()
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Route("Failover"), plugin.Load());
        var failing = plugin.Created["m-a"];
        failing.Create = _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused");

        // The first payment fails on acct-a and is retried once on acct-b; later ones skip the benched acct-a.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((201, "acct-b"), await CreateAsync(gateway, $"order-{i}"));
        }

        Assert.Equal(1, failing.Creates);
        gateway.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal((201, "acct-b"), await CreateAsync(gateway, "order-29s"));

        failing.Create = r => ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode("fake://" + r.PaymentId)));
        gateway.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((201, "acct-a"), await CreateAsync(gateway, "order-after"));
    }

    [Fact]
    public async Task Failover_RetryUsesANewPaymentId_AndMarksTheFirstFailed()
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Route("Failover"), plugin.Load());
        string? firstId = null;
        plugin.Created["m-a"].Create = r =>
        {
            firstId = r.PaymentId;
            return SystemError;
        };

        var result = await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake("order-1"), default);

        var secondId = PaymentBodies.PaymentIdOf(result);
        Assert.NotNull(firstId);
        Assert.NotEqual(firstId, secondId);
        var first = await gateway.Store.GetAsync(firstId, default);
        Assert.Equal((PaymentStatus.Failed, "acct-a", "SYSTEMERROR"), (first!.Status, first.ProviderInstance, first.ErrorCode));
        var second = await gateway.Store.GetAsync(secondId, default);
        Assert.Equal((PaymentStatus.Pending, "acct-b"), (second!.Status, second.ProviderInstance));
    }

    [Fact]
    public async Task First_TransientError_FailsThatPayment_ThenBenchesTheInstance_NoRetry()
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Route("First"), plugin.Load());
        plugin.Created["m-a"].Create = _ => SystemError;

        Assert.Equal((502, null), await CreateAsync(gateway, "order-1"));
        Assert.Equal((201, "acct-b"), await CreateAsync(gateway, "order-2"));
        Assert.Equal(0, plugin.Created["m-b"].Creates - 1);
        Assert.Contains(gateway.Logs.Lines, l => l.Message.Contains("acct-a benched for 30 s", StringComparison.Ordinal));

        gateway.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal((502, null), await CreateAsync(gateway, "order-3"));
    }

    [Theory]
    [InlineData(ProviderErrorKind.Rejected, 422)]
    [InlineData(ProviderErrorKind.InvalidRequest, 400)]
    public async Task BusinessRefusals_NeverBench(ProviderErrorKind kind, int status)
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Route("Failover"), plugin.Load());
        plugin.Created["m-a"].Create = _ => new ProviderError(kind, "ORDERCLOSED", "closed");

        Assert.Equal((status, null), await CreateAsync(gateway, "order-1"));
        Assert.Equal((status, null), await CreateAsync(gateway, "order-2"));
        Assert.Equal(2, plugin.Created["m-a"].Creates);
        Assert.Equal(0, plugin.Created["m-b"].Creates);
        Assert.False(gateway.Health.IsBenched("acct-a"));
    }

    [Fact]
    public async Task Timeout_BenchesButIsNotRetried_TheProviderMayHaveTheOrder()
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Route("Failover"), plugin.Load());
        plugin.Created["m-a"].Create = _ => throw new TaskCanceledException("timed out");

        Assert.Equal((502, null), await CreateAsync(gateway, "order-1"));
        Assert.Equal(0, plugin.Created["m-b"].Creates);
        Assert.True(gateway.Health.IsBenched("acct-a"));
    }
}
