using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.PaysApi.Tests;

public sealed class NotifyTests
{
    private const string PaymentId = "pay_01JTESTPAYMENT0000000000000";

    private static string Form(string price, string realPrice, string? key = null, string orderUid = "order-1", string token = PluginHarness.Token, string? signedPrice = null)
    {
        key ??= IndependentKeys.Notify(PaymentId, orderUid, "psid-1", signedPrice ?? price, realPrice, token);
        return $"paysapi_id=psid-1&orderid={PaymentId}&price={Uri.EscapeDataString(price)}&realprice={Uri.EscapeDataString(realPrice)}&orderuid={Uri.EscapeDataString(orderUid)}&key={key}";
    }

    private static async Task<NotifyParseResult> ParseAsync(string body, long toleranceFen = 0, NotifyKind kind = NotifyKind.Payment)
        => await new PluginHarness(toleranceFen: toleranceFen).ProviderInstance.ParseNotifyAsync(
            new NotifyRequest(kind, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", new Dictionary<string, string>()), default);

    [Fact]
    public async Task Valid_IsAcceptedAsPaid_WithPriceAsAmount()
    {
        var result = Assert.IsType<NotifyParseResult.Payment>(await ParseAsync(Form("12.34", "12.34")));
        var n = result.Notification;
        Assert.Equal(PaymentId, n.PaymentId);
        Assert.Equal("psid-1", n.ProviderTransactionId);
        Assert.Equal(PaymentStatus.Succeeded, n.Status);
        Assert.Equal(1234, n.Amount);
        Assert.Equal(1234, n.PaidAmount);
        Assert.Equal("CNY", n.Currency);
        Assert.Null(n.AppId);
        Assert.Equal(PluginHarness.Uid, n.MerchantId);
        Assert.Null(n.ReviewReason);
    }

    [Fact]
    public async Task EmptyOrderUid_IsSignedAsEmpty()
        => Assert.IsType<NotifyParseResult.Payment>(await ParseAsync(Form("1.00", "1.00", orderUid: "")));

    [Fact]
    public async Task WrongKey_IsRejected() => AssertRejected(await ParseAsync(Form("1.00", "1.00", token: "another-token")), NotifyRejections.BadSignature);

    [Fact]
    public async Task UpperCaseKey_StillVerifies()
        => Assert.IsType<NotifyParseResult.Payment>(await ParseAsync(Form("1.00", "1.00", key: IndependentKeys.Notify(PaymentId, "order-1", "psid-1", "1.00", "1.00", PluginHarness.Token).ToUpperInvariant())));

    [Fact]
    public async Task TamperedPrice_IsRejected() => AssertRejected(await ParseAsync(Form("0.01", "0.01", signedPrice: "100.00")), NotifyRejections.BadSignature);

    [Fact]
    public async Task RealPriceWithinTolerance_IsPaid_WithPaidAmount()
    {
        var n = Assert.IsType<NotifyParseResult.Payment>(await ParseAsync(Form("10.00", "9.97"), toleranceFen: 3)).Notification;
        Assert.Equal(1000, n.Amount);
        Assert.Equal(997, n.PaidAmount);
        Assert.Null(n.ReviewReason);
    }

    [Theory]
    [InlineData("9.96", 3)]
    [InlineData("9.99", 0)]
    [InlineData("10.01", 3)]
    [InlineData("0.00", 3)]
    public async Task RealPriceOutsideTolerance_IsFlaggedForReview(string realPrice, long tolerance)
    {
        var n = Assert.IsType<NotifyParseResult.Payment>(await ParseAsync(Form("10.00", realPrice), toleranceFen: tolerance)).Notification;
        Assert.NotNull(n.ReviewReason);
        Assert.Equal(1000, n.Amount);
    }

    [Theory]
    [InlineData("1.5.0", "1.00")]
    [InlineData("abc", "1.00")]
    [InlineData("-1.00", "1.00")]
    [InlineData("0.00", "0.00")]
    [InlineData("1.00", "1.5.0")]
    [InlineData("1.00", "abc")]
    [InlineData("1.00", "-0.01")]
    public async Task MalformedNumbers_AreRejectedMalformed_EvenWhenSigned(string price, string realPrice)
        => AssertRejected(await ParseAsync(Form(price, realPrice)), NotifyRejections.Malformed);

    [Theory]
    [InlineData("")]
    [InlineData("orderid=pay_1&price=1.00")]
    [InlineData("paysapi_id=a&paysapi_id=b&orderid=pay_1&price=1.00&realprice=1.00&key=00")]
    public async Task MissingOrRepeatedFields_AreRejectedMalformed(string body)
        => AssertRejected(await ParseAsync(body), NotifyRejections.Malformed);

    [Fact]
    public async Task RefundNotify_IsUnsupported()
        => AssertRejected(await ParseAsync(Form("1.00", "1.00"), kind: NotifyKind.Refund), NotifyRejections.Unsupported);

    [Fact]
    public void Ack_IsPlainSuccessOrFail()
    {
        var instance = new PluginHarness().ProviderInstance;
        Assert.Equal(new NotifyAck(200, "text/plain; charset=utf-8", "success"), instance.CreateAck(true));
        Assert.Equal("fail", instance.CreateAck(false, "signature error").Body);
    }

    private static void AssertRejected(NotifyParseResult result, string code)
        => Assert.Equal(code, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
}
