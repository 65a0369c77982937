using Gateway.Abstractions.Payments;
using Gateway.Checkout;
using Gateway.Store;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Checkout;

public sealed class CheckoutTokensTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public void Token_OpensOnlyItsPayment_UntilTheGraceAfterExpiryRunsOut()
    {
        var time = new FakeTimeProvider(Now);
        var tokens = Tokens(time, "a-key-of-at-least-thirty-two-characters!");
        var payment = Payment("pay_1", Now.AddHours(2));
        var token = tokens.Issue(payment);

        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.True(tokens.IsValid(payment, token));
        Assert.False(tokens.IsValid(Payment("pay_2", Now.AddHours(2)), token));
        Assert.False(tokens.IsValid(payment with { ExpiresAt = Now.AddHours(3) }, token)); // the expiry is signed too
        Assert.False(tokens.IsValid(payment, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.False(tokens.IsValid(payment, null));
        Assert.False(tokens.IsValid(payment, ""));

        time.Advance(TimeSpan.FromHours(3));
        Assert.True(tokens.IsValid(payment, token)); // expired payment, still within the hour of grace: the final view
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tokens.IsValid(payment, token));
    }

    [Fact]
    public void Token_SignedWithAnotherKey_IsRefused()
    {
        var payment = Payment("pay_1", Now.AddHours(2));
        var token = Tokens(new FakeTimeProvider(Now), "a-key-of-at-least-thirty-two-characters!").Issue(payment);
        Assert.False(Tokens(new FakeTimeProvider(Now), "another-key-of-at-least-thirty-two-chars").IsValid(payment, token));
        Assert.False(Tokens(new FakeTimeProvider(Now), null).IsValid(payment, token)); // a generated key
    }

    [Theory]
    [InlineData("https://shop.example/back", false, true)]
    [InlineData("http://127.0.0.1:5000/back", true, true)]
    [InlineData("http://localhost/back", true, true)]
    [InlineData("http://127.0.0.1:5000/back", false, false)]
    [InlineData("http://shop.example/back", true, false)]
    [InlineData("javascript:alert(1)", true, false)]
    [InlineData("https://user:pw@shop.example/", false, false)]
    public void ReturnUrl_IsHttps_OrLoopbackHttpInTestMode(string url, bool testMode, bool accepted)
        => Assert.Equal(accepted, ReturnUrlRule.Check(url, testMode) is null);

    private static CheckoutTokens Tokens(TimeProvider time, string? key)
        => new(Options.Create(new CheckoutOptions { TokenKey = key }), time);

    private static PaymentRecord Payment(string id, DateTimeOffset expiresAt) => new()
    {
        Id = id, ClientId = "c", MerchantOrderId = "o", Channel = "wechat.native", ProviderInstance = "wx", Plugin = "WeChatNative",
        MerchantId = "m", Amount = 1, Currency = "CNY", Description = "d", ClientIp = "203.0.113.1", Status = PaymentStatus.Pending,
        CreatedAt = Now, UpdatedAt = Now, ExpiresAt = expiresAt,
    };
}
