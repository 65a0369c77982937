using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Payments;

/// <summary>The QR PNG is rendered once per payment, cached with an ETag, and still refused once the payment is paid.</summary>
public class PaymentQrImageTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task QrImage_IsTheSameImageWithAnETag_304WhenUnchanged_404OncePaid()
    {
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("qr-cache-1", amount: 321));
        using var browser = gateway.ApiClient(apiKey: null);
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
}
