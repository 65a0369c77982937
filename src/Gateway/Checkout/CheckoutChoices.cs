using Gateway.Configuration;
using Gateway.Routing;
using Gateway.Store;

namespace Gateway.Checkout;

/// <summary>Where the payer's browser is, from its User-Agent: it decides which channels the page can offer.</summary>
internal enum PayerBrowser
{
    Desktop,
    Mobile,
    WeChat,
    Alipay,
}

/// <summary>
/// The channels an aggregated checkout offers: those routed for the payment's client and amount with a live
/// instance, that a payer in this browser can pay on a web page. Inside WeChat, JSAPI (after OAuth) is chosen
/// for the payer; inside Alipay, an Alipay channel; in a mobile browser H5 comes first; a desktop gets the QR ones.
/// </summary>
internal sealed class CheckoutChoices(GatewaySnapshotProvider snapshots, RouteInstancePicker picker)
{
    public const string Any = "any";

    /// <summary>The action of an aggregated checkout before the payer's choice: only the page (and a QR of it).</summary>
    public const string CheckoutActionType = "checkout";
    private static readonly string[] Order = ["wechat.jsapi", "wechat.h5", "wechat.native", "paysapi.wechat", "paysapi.alipay"];

    public static PayerBrowser Classify(string userAgent)
        => userAgent.Contains("MicroMessenger", StringComparison.Ordinal) ? PayerBrowser.WeChat
            : userAgent.Contains("AlipayClient", StringComparison.Ordinal) ? PayerBrowser.Alipay
            : userAgent.Contains("Mobile", StringComparison.Ordinal) || userAgent.Contains("Android", StringComparison.Ordinal) ? PayerBrowser.Mobile
            : PayerBrowser.Desktop;

    /// <summary>The channels routed for this payment (any browser), in the page's order.</summary>
    public IReadOnlyList<string> Routed(PaymentRecord payment)
        => Order.Where(channel => Route(payment, channel) is not null).ToList();

    /// <summary>What this browser can pay with, in the page's order.</summary>
    public IReadOnlyList<string> For(PaymentRecord payment, PayerBrowser browser)
        => Routed(payment).Where(channel => Fits(channel, browser)).ToList();

    /// <summary>The channel taken for the payer without asking (inside WeChat or Alipay), or null to ask.</summary>
    public static string? Preferred(IReadOnlyList<string> offered, PayerBrowser browser) => browser switch
    {
        PayerBrowser.WeChat when offered.Contains("wechat.jsapi") => "wechat.jsapi",
        PayerBrowser.Alipay when offered.Contains("paysapi.alipay") => "paysapi.alipay",
        _ => null,
    };

    /// <summary>The route and instance serving <paramref name="channel"/> for this payment now, or null.</summary>
    public (RouteState Route, Plugins.ProviderInstanceState Instance)? Route(PaymentRecord payment, string channel)
    {
        var route = snapshots.Current.Routes.Match(channel, payment.ClientId, payment.Amount);
        return route is not null && picker.Pick(route) is { } instance ? (route, instance) : null;
    }

    /// <summary>A live instance by name, or null.</summary>
    public Plugins.ProviderInstanceState? Instance(string name) => snapshots.Current.Instances.GetValueOrDefault(name);

    private static bool Fits(string channel, PayerBrowser browser) => channel switch
    {
        "wechat.jsapi" => browser == PayerBrowser.WeChat,
        "wechat.h5" => browser == PayerBrowser.Mobile,
        "paysapi.alipay" => browser != PayerBrowser.WeChat,
        "paysapi.wechat" => browser != PayerBrowser.Alipay,
        "wechat.native" => browser != PayerBrowser.Alipay,
        _ => false,
    };
}
