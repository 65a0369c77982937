using System.Security.Cryptography;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.RateLimiting;
using Gateway.Store;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Gateway.Checkout;

/// <summary>
/// The payer-facing checkout under <c>/checkout/{id}</c>: the page, its QR image, and its live status (SSE at
/// <c>/events</c>, long polling at <c>/status</c>). Every route needs the link's token: without a valid one it
/// is 404, exactly like an unknown payment, so a link reveals nothing about any other payment.
/// </summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckout(this IEndpointRouteBuilder endpoints)
    {
        var checkout = endpoints.MapGroup("/checkout/{id}").AllowAnonymous().RequireRateLimiting(GatewayRateLimitPolicies.Api).ExcludeFromDescription();
        checkout.MapGet("", PageAsync);
        checkout.MapGet("/qr.png", QrAsync);
        checkout.MapGet("/events", CheckoutStatusFeed.StreamAsync);
        checkout.MapGet("/status", CheckoutStatusFeed.WaitAsync);
        checkout.MapCheckoutChoice();
    }

    /// <summary>The payment behind a valid link, or null (answer 404).</summary>
    internal static async Task<PaymentRecord?> OpenAsync(string id, string? t, IPaymentStore store, CheckoutTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(t) || id.Length > 64)
        {
            return null;
        }

        var payment = await store.GetAsync(id, cancellationToken);
        return payment is not null && tokens.IsValid(payment, t) ? payment : null;
    }

    internal static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
        extensions: new Dictionary<string, object?> { ["code"] = "not_found" });

    private static async Task<IResult> PageAsync(string id, string? t, string? retry, HttpContext context, IPaymentStore store, CheckoutTokens tokens,
        CheckoutLinks links, CheckoutChoices choices, GatewaySnapshotProvider snapshots, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            return NotFound();
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var client = snapshots.Current.Clients.GetValueOrDefault(payment.ClientId);
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var sandboxPay = !options.Value.TestMode || payment.Action is not { Type: PaymentActionTypes.QrCode, CodeUrl: { } code } ? null
            : code.StartsWith("weixin://", StringComparison.Ordinal) ? $"/sandbox/wechatpay/payer?codeUrl={Uri.EscapeDataString(code)}"
            : payment.Plugin == "PaysApi" ? $"/sandbox/paysapi/payer?orderid={Uri.EscapeDataString(payment.Id)}"
            : null;
        var view = new CheckoutView(payment, CheckoutText.For(context.Request.Headers.AcceptLanguage), client?.DisplayName ?? payment.ClientId, nonce,
            links.PathFor(payment), userAgent.Contains("MicroMessenger", StringComparison.Ordinal), sandboxPay);
        if (payment.RequestedChannel is not null && payment.Status == PaymentStatus.Pending)
        {
            var browser = CheckoutChoices.Classify(userAgent);
            var offered = choices.For(payment, browser);
            var login = offered.Contains(CheckoutChoiceEndpoints.JsapiChannel) && choices.Route(payment, CheckoutChoiceEndpoints.JsapiChannel) is { } jsapi
                ? $"/p/{Uri.EscapeDataString(jsapi.Instance.Name)}/oauth/start?returnUrl={Uri.EscapeDataString(links.PathFor(payment, "/wechat") + "&via=" + Uri.EscapeDataString(jsapi.Instance.Name))}"
                : null;
            view = view with { Choices = offered, AutoChoice = CheckoutChoices.Preferred(offered, browser), WeChatLoginUrl = login, Retry = retry == "1" };
        }

        var headers = context.Response.Headers;
        // 'self': an aggregated checkout's choices post to /choose; a provider form posts to the provider's origin.
        var formAction = "'self'" + (CheckoutPage.FormOrigin(payment) is { } origin ? " " + origin : "");
        headers.ContentSecurityPolicy = $"default-src 'none'; img-src 'self'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; " +
            $"connect-src 'self'; form-action {formAction}; base-uri 'none'; frame-ancestors 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = "Accept-Language, User-Agent";
        return Results.Content(CheckoutPage.Render(view), "text/html; charset=utf-8");
    }

    private static async Task<IResult> QrAsync(string id, string? t, IPaymentStore store, CheckoutTokens tokens, CheckoutLinks links, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, t, store, tokens, cancellationToken) is not { Status: PaymentStatus.Pending } payment)
        {
            return NotFound();
        }

        // A QR payment shows what the wallet scans; a JSAPI payment opened outside WeChat shows its own page, to open in WeChat.
        var text = payment.Action switch
        {
            { Type: PaymentActionTypes.QrCode, CodeUrl: { } code } => code,
            { Type: PaymentActionTypes.Jsapi } => links.UrlFor(payment),
            null when payment.RequestedChannel is not null => links.UrlFor(payment), // an aggregated checkout: one QR for any wallet
            _ => null,
        };
        if (text is null)
        {
            return NotFound();
        }

        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }
}
