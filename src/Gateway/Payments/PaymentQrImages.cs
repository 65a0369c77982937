using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using QRCoder;

namespace Gateway.Payments;

/// <summary>
/// The QR PNG of each payment, rendered once: a payment's code_url never changes, so its image is cached
/// (bounded by bytes, least recently used first out) under the payment id, with an ETag from the code_url.
/// </summary>
internal sealed class PaymentQrImages : IDisposable
{
    // ~1.5 KB an image: a few thousand payments being paid at once fit.
    private const long CacheBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    /// <summary>The cached image of <paramref name="paymentId"/>, or null when it is not (or no longer) cached.</summary>
    public PaymentQrImage? Find(string paymentId) => _cache.TryGetValue(paymentId, out PaymentQrImage? image) ? image : null;

    /// <summary>Renders (or finds) the image of <paramref name="codeUrl"/> for <paramref name="paymentId"/>.</summary>
    public PaymentQrImage Get(string paymentId, string codeUrl)
    {
        if (Find(paymentId) is { } cached && cached.CodeUrl == codeUrl)
        {
            return cached;
        }

        using var data = QRCodeGenerator.GenerateQrCode(codeUrl, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(codeUrl)).AsSpan(0, 12)) + "\"");
        var image = new PaymentQrImage(codeUrl, png, tag);
        _cache.Set(paymentId, image, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = Idle });
        return image;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>A rendered QR code and its entity tag.</summary>
internal sealed record PaymentQrImage(string CodeUrl, byte[] Png, EntityTagHeaderValue ETag);
