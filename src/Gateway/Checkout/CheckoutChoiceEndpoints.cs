using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Configuration;
using Gateway.Store;

namespace Gateway.Checkout;

/// <summary>
/// The payer's choice on an aggregated checkout: <c>POST /checkout/{id}/choose?t=</c> (form field <c>channel</c>)
/// and, inside WeChat, <c>GET /checkout/{id}/wechat?t=&amp;via=</c>, where the JSAPI instance's OAuth login returns
/// with its signed openid hand-off. Both redirect to the page again, which shows what is stored.
/// </summary>
internal static class CheckoutChoiceEndpoints
{
    public const string JsapiChannel = "wechat.jsapi";

    public static void MapCheckoutChoice(this RouteGroupBuilder checkout)
    {
        checkout.MapPost("/choose", ChooseAsync).DisableAntiforgery();
        checkout.MapGet("/wechat", WeChatAsync);
    }

    private static async Task<IResult> ChooseAsync(string id, string? t, HttpRequest request, IPaymentStore store, CheckoutTokens tokens,
        CheckoutLinks links, CheckoutChooser chooser, CancellationToken cancellationToken)
    {
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment || !request.HasFormContentType)
        {
            return CheckoutEndpoints.NotFound();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var channel = form["channel"].ToString();

        // JSAPI needs the payer's openid: that choice goes through the OAuth login instead.
        var outcome = channel == JsapiChannel ? ChoiceOutcome.NotOffered : await chooser.ChooseAsync(payment, channel, null, cancellationToken);
        return Back(links, payment, outcome);
    }

    private static async Task<IResult> WeChatAsync(string id, string? t, string? via, string? openid, string? expires, string? signature,
        IPaymentStore store, CheckoutTokens tokens, CheckoutLinks links, CheckoutChooser chooser, CheckoutChoices choices, IConfiguration configuration,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            return CheckoutEndpoints.NotFound();
        }

        // The instance that logged the payer in must be the one routed now: an openid belongs to one app id.
        var routed = choices.Route(payment, JsapiChannel);
        var verified = routed is { } r && r.Instance.Name == via && openid is not null
            && HandOffIsValid(configuration[$"{GatewayOptions.SectionName}:Providers:{via}:Settings:HandOffSecret"], openid, expires, signature, time);
        var outcome = verified ? await chooser.ChooseAsync(payment, JsapiChannel, openid, cancellationToken) : ChoiceOutcome.NotOffered;
        return Back(links, payment, outcome);
    }

    /// <summary>The JSAPI instance's hand-off: hex HMAC-SHA256(HandOffSecret, "openid.expires"), unexpired (README, "WeChat in-app").</summary>
    internal static bool HandOffIsValid(string? secret, string openId, string? expires, string? signature, TimeProvider time)
    {
        if (string.IsNullOrEmpty(secret) || signature is not { Length: 64 } || openId.Length is 0 or > 128
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until) || until < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(openId + "." + expires)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private static IResult Back(CheckoutLinks links, PaymentRecord payment, ChoiceOutcome outcome)
    {
        var page = links.PathFor(payment);
        return Results.Redirect(outcome is ChoiceOutcome.Placed or ChoiceOutcome.NotOpen ? page : page + "&retry=1", permanent: false, preserveMethod: false);
    }
}
