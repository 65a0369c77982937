using System.Net;
using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Payments;

/// <summary>
/// The QR PNG is rendered once per payment, cached with an ETag, served from memory without a store read, and
/// refused as soon as the payment leaves pending in this process.
/// </summary>
public sealed class PaymentQrImageTests : IDisposable
{
    private readonly PaymentReadCounter _reads = new();
    private readonly GatewayFactory _gateway;

    public PaymentQrImageTests()
    {
        _gateway = GatewayFactory.With(null, _reads.Decorate);
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task QrImage_IsTheSameImageWithAnETag_304WhenUnchanged_404OncePaid()
    {
        var api = _gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("qr-cache-1", amount: 321));
        using var browser = _gateway.ApiClient(apiKey: null);
        var url = created.Str("action.qrImageUrl");

        using var first = await browser.GetAsync(url);
        using var second = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await browser.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Another payment has its own image.
        var other = await CreateAsync(api, NativePayment("qr-cache-2", amount: 321));
        using var otherImage = await browser.GetAsync(other.Str("action.qrImageUrl"));
        Assert.NotEqual(etag, otherImage.Headers.ETag);

        // Paid: the cached image is no longer served.
        await ScanAsync(api, created.Str("action.codeUrl"));
        await WaitForStatusAsync(api, created.Str("id"), "succeeded");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ACachedImage_CostsNoStoreRead()
    {
        var created = await CreateAsync(_gateway.ApiClient(), NativePayment("qr-reads-1"));
        using var browser = _gateway.ApiClient(apiKey: null);
        var url = created.Str("action.qrImageUrl");
        var id = created.Str("id");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        Assert.Equal(1, _reads.Of(id));

        for (var i = 0; i < 20; i++)
        {
            using var again = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(1, _reads.Of(id));
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Expired)]
    public async Task ACachedImage_Is404_RightAfterTheTransitionOutOfPending(PaymentStatus to)
    {
        var created = await CreateAsync(_gateway.ApiClient(), NativePayment($"qr-ends-{to}"));
        using var browser = _gateway.ApiClient(apiKey: null);
        var url = created.Str("action.qrImageUrl");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);

        var store = _gateway.Services.GetRequiredService<IPaymentStore>();
        Assert.True(await store.TryTransitionAsync(new PaymentTransition(created.Str("id"), [PaymentStatus.Pending], to), DateTimeOffset.UtcNow, default));

        using var after = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }
}
