using System.Security.Cryptography;
using System.Text;
using Gateway.PaymentChanges;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using QRCoder;

namespace Gateway.Payments;

/// <summary>
/// The QR PNG of each payable payment, rendered once and served from memory without a store read: a payment's
/// code_url never changes while it is pending at one instance. An image stays only while the payment is known
/// to be payable: every change this process hears of (its own commits, and other processes' through Redis)
/// drops it at once, and <see cref="Fresh"/> bounds what is missed (another process without Redis, a lost
/// message). A stale image cannot take money twice: WeChat refuses to pay a paid or closed out_trade_no.
/// </summary>
internal sealed class PaymentQrImages : IDisposable
{
    // ~1.5 KB an image: a few thousand payments being paid at once fit.
    private const long CacheBytes = 8 * 1024 * 1024;

    /// <summary>How long an image is served without looking at the store again.</summary>
    internal static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    // Changes seen, per stripe of payment ids: a render whose store read raced a change does not stay cached.
    private readonly int[] _changes = new int[256];

    private readonly PaymentChangeSignal _signal;

    public PaymentQrImages(PaymentChangeSignal signal)
    {
        _signal = signal;
        _signal.Changed += Forget;
    }

    /// <summary>The cached image of <paramref name="paymentId"/>, or null when it is not (or no longer) cached.</summary>
    public PaymentQrImage? Find(string paymentId) => _cache.TryGetValue(paymentId, out PaymentQrImage? image) ? image : null;

    /// <summary>A token to take BEFORE reading the payment whose image <see cref="Get"/> will render.</summary>
    public int Version(string paymentId) => Volatile.Read(ref _changes[Stripe(paymentId)]);

    /// <summary>
    /// Renders (or finds) the image of <paramref name="codeUrl"/> for <paramref name="paymentId"/>, read as payable
    /// after <paramref name="version"/> was taken. Cached only if no change of the payment may have come since.
    /// </summary>
    public PaymentQrImage Get(string paymentId, string codeUrl, int version)
    {
        if (Find(paymentId) is { } cached && cached.CodeUrl == codeUrl)
        {
            return cached;
        }

        using var data = QRCodeGenerator.GenerateQrCode(codeUrl, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(codeUrl)).AsSpan(0, 12)) + "\"");
        var image = new PaymentQrImage(codeUrl, png, tag);
        _cache.Set(paymentId, image, new MemoryCacheEntryOptions { Size = png.Length, AbsoluteExpirationRelativeToNow = Fresh });

        // A change after the read: Forget may have run before the Set above, so drop it here (it renders again).
        if (Version(paymentId) != version)
        {
            _cache.Remove(paymentId);
        }

        return image;
    }

    /// <summary>The payment changed (paid, closed, expired, another channel chosen): its image is no longer served.</summary>
    public void Forget(string paymentId)
    {
        Interlocked.Increment(ref _changes[Stripe(paymentId)]);
        _cache.Remove(paymentId);
    }

    public void Dispose()
    {
        _signal.Changed -= Forget;
        _cache.Dispose();
    }

    private int Stripe(string paymentId) => (int)((uint)string.GetHashCode(paymentId, StringComparison.Ordinal) % (uint)_changes.Length);
}

/// <summary>A rendered QR code and its entity tag.</summary>
internal sealed record PaymentQrImage(string CodeUrl, byte[] Png, EntityTagHeaderValue ETag);
