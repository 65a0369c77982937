using System.Net;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.ProductCodes;
using Gateway.Plugins.WeChatNative.ProductCodes;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative;

/// <summary>Native "mode 1": signed product links, and the scan callback that turns a scan into an order.</summary>
internal sealed partial class WeChatNativeInstance : IProductCodeProvider
{
    /// <summary>The callback path under <c>/p/{instance}</c>; ops register its absolute URL at WeChat.</summary>
    public const string ScanCallbackPath = "/native/scan-callback";

    private const string XmlContentType = "application/xml";

    /// <inheritdoc />
    public ProviderResult<string> CreateProductCodeUrl(string productId)
    {
        if (!ProductCodeLink.IsValidProductId(productId))
        {
            return Invalid("INVALID_PRODUCT_ID", "product_id must be 1 to 32 characters of letters, digits, '_' or '-'.");
        }

        return ProviderResult<string>.Success(ProductCodeLink.Build(Options, productId, Time.GetUtcNow(), WeChatPayClient.NewNonce()));
    }

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ScanCallbackPath, (Delegate)HandleScanCallbackAsync);
    }

    private async Task<IResult> HandleScanCallbackAsync(HttpContext http)
    {
        var body = await ReadBoundedAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        var scan = body is null ? ScanCallbackParse.Rejected("The body is too large.") : ScanCallback.Parse(body, Options);
        if (scan.Rejection is { } rejection)
        {
            ScanLog.CallbackRejected(Logger, InstanceName, rejection);
            return Results.Text(ScanCallbackReply.Untrusted(rejection), XmlContentType);
        }

        var payments = _services.GetRequiredService<IProductCodePayments>();
        var clientIp = http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString();
        var result = await payments.CreatePaymentForProductAsync(InstanceName, scan.ProductId!, scan.OpenId!, clientIp, http.RequestAborted)
            .ConfigureAwait(false);
        if (result is { Succeeded: true, ProviderReference: { } prepayId })
        {
            return Results.Text(ScanCallbackReply.Placed(Options, prepayId, WeChatPayClient.NewNonce()), XmlContentType);
        }

        ScanLog.ScanRefused(Logger, InstanceName, result.RefusalCode ?? "UNKNOWN");
        return Results.Text(ScanCallbackReply.Refused(Options, result.RefusalMessage ?? "暂时无法购买", WeChatPayClient.NewNonce()), XmlContentType);
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > WeChatXml.DefaultMaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    // Only codes and reasons: never a body, a sign or the key.
    private static partial class ScanLog
    {
        [LoggerMessage(20, LogLevel.Warning, "WeChat scan callback on {Instance} rejected: {Reason}")]
        public static partial void CallbackRejected(ILogger logger, string instance, string reason);

        [LoggerMessage(21, LogLevel.Information, "WeChat scan callback on {Instance} answered FAIL: {Code}")]
        public static partial void ScanRefused(ILogger logger, string instance, string code);
    }
}
