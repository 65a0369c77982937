using Gateway.PaymentChanges;
using Gateway.Payments;

namespace Gateway.Tests.Payments;

public sealed class PaymentQrImagesTests
{
    private const string CodeUrl = "weixin://wxpay/bizpayurl?pr=abc123";

    [Fact]
    public void AnImage_IsRenderedOnce_AndDroppedWhenItsPaymentChanges()
    {
        var signal = new PaymentChangeSignal();
        using var images = new PaymentQrImages(signal);
        var image = images.Get("pay_1", CodeUrl, images.Version("pay_1"));
        Assert.Same(image, images.Find("pay_1"));
        Assert.Same(image, images.Get("pay_1", CodeUrl, images.Version("pay_1")));

        signal.Raise("pay_2");
        Assert.Same(image, images.Find("pay_1"));

        signal.Raise("pay_1");
        Assert.Null(images.Find("pay_1"));
    }

    [Fact]
    public void AChangeBetweenTheReadAndTheRender_LeavesNothingCached()
    {
        var signal = new PaymentChangeSignal();
        using var images = new PaymentQrImages(signal);
        var version = images.Version("pay_1");

        // The store was read (pending), then the payment was paid and its change raised before the image was cached.
        signal.Raise("pay_1");
        var image = images.Get("pay_1", CodeUrl, version);

        Assert.Equal(CodeUrl, image.CodeUrl);
        Assert.Null(images.Find("pay_1"));
        Assert.NotNull(images.Get("pay_1", CodeUrl, images.Version("pay_1")));
        Assert.NotNull(images.Find("pay_1"));
    }

    [Fact]
    public void AnotherCodeUrl_RendersAnotherImage()
    {
        using var images = new PaymentQrImages(new PaymentChangeSignal());
        var first = images.Get("pay_1", CodeUrl, images.Version("pay_1"));
        var second = images.Get("pay_1", CodeUrl + "x", images.Version("pay_1"));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.NotEqual(first.Png, second.Png);
    }
}
