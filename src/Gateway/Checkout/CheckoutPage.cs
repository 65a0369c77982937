using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.Store;

namespace Gateway.Checkout;

/// <summary>What one rendering of the checkout page needs.</summary>
internal sealed record CheckoutView(PaymentRecord Payment, CheckoutText Text, string MerchantName, string Nonce, string PagePath,
    bool InsideWeChat, string? SandboxPayUrl)
{
    /// <summary>An aggregated checkout's channels for this browser (empty for a payment whose merchant named the channel).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The channel chosen for the payer without asking (inside Alipay), posted by the script.</summary>
    public string? AutoChoice { get; init; }

    /// <summary>Inside WeChat: the JSAPI instance's OAuth login, which returns to the page's <c>/wechat</c> choice.</summary>
    public string? WeChatLoginUrl { get; init; }

    /// <summary>The last choice could not be placed: say so, and offer the choices again.</summary>
    public bool Retry { get; init; }
}

/// <summary>
/// Renders the payer's page: merchant, description, amount in yuan and countdown, then what this channel's
/// payer does (QR, WeChat JSAPI launcher, Mini Program guidance, auto-posting provider form, redirect followed by the
/// script; an aggregated checkout's channel choices), and
/// every final view, hidden until the status says so. All text is HTML-encoded; data for the script travels
/// as a JSON block.
/// </summary>
internal static partial class CheckoutPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(CheckoutView v)
    {
        var p = v.Payment;
        var t = v.Text;
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html><html lang=\"").Append(t.Lang).Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
          .Append("<title>").Append(E(v.MerchantName)).Append("</title><style nonce=\"").Append(v.Nonce).Append("\">").Append(CheckoutAssets.Css)
          .Append("</style></head><body data-status=\"").Append(p.Status.ToName()).Append("\"><main><div class=\"card\">")
          .Append("<h1 id=\"merchant\">").Append(E(v.MerchantName)).Append("</h1><p class=\"desc\">").Append(E(p.Description)).Append("</p>")
          .Append("<div class=\"amount\" id=\"amount\">¥").Append(Yuan(p.Amount)).Append("</div><div id=\"live\">")
          .Append("<p class=\"hint\">").Append(E(t.ExpiresIn)).Append(" <span class=\"countdown\" id=\"countdown\"></span></p>");
        if (p.Action is null && p.RequestedChannel is not null)
        {
            AppendChoices(sb, v, except: null);
        }
        else
        {
            AppendAction(sb, v);
            if (p.RequestedChannel is not null)
            {
                AppendChoices(sb, v, except: p.Channel);
            }
        }

        sb.Append("</div>");
        AppendFinal(sb, v, "succeeded", "ok", t.Redirecting);
        AppendFinal(sb, v, "requires_review", "ok", t.Received);
        AppendFinal(sb, v, "partially_refunded", "ok", t.Paid);
        AppendFinal(sb, v, "refunded", "ok", t.Paid);
        AppendFinal(sb, v, "expired", "bad", t.Expired);
        AppendFinal(sb, v, "closed", "bad", t.Closed);
        AppendFinal(sb, v, "failed", "bad", t.Failed);
        sb.Append("</div></main><script type=\"application/json\" id=\"checkout-data\">").Append(Data(v)).Append("</script>")
          .Append("<script nonce=\"").Append(v.Nonce).Append("\">").Append(CheckoutAssets.Js).Append("</script></body></html>");
        return sb.ToString();
    }

    /// <summary>The origin a provider form posts to, for the CSP's form-action.</summary>
    public static string? FormOrigin(PaymentRecord p)
        => p.Action is { Type: PaymentActionTypes.FormPost, Url: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null;

    private static void AppendAction(StringBuilder sb, CheckoutView v)
    {
        var (p, t) = (v.Payment, v.Text);
        switch (p.Action?.Type)
        {
            case PaymentActionTypes.QrCode:
                var alipay = p.Channel.Contains("alipay", StringComparison.OrdinalIgnoreCase);
                sb.Append("<img class=\"qr\" id=\"qr\" alt=\"QR\" src=\"").Append(E(v.PagePath.Replace("?", "/qr.png?", StringComparison.Ordinal))).Append("\">")
                  .Append("<p class=\"hint\">").Append(E(alipay ? t.ScanAlipay : t.ScanWeChat)).Append("</p>");
                if (v.SandboxPayUrl is { } sandbox)
                {
                    sb.Append("<a class=\"button\" id=\"sandbox-pay\" target=\"_blank\" href=\"").Append(E(sandbox)).Append("\">").Append(E(t.SandboxPay)).Append("</a>");
                }

                break;
            case PaymentActionTypes.Jsapi when v.InsideWeChat:
                sb.Append("<button id=\"jsapi-pay\" type=\"button\">").Append(E(t.PayNow)).Append("</button>")
                  .Append("<p class=\"hint ok hidden\" id=\"paying\">…</p><p class=\"hint bad hidden\" id=\"cancelled\">").Append(E(t.Cancelled)).Append("</p>");
                break;
            case PaymentActionTypes.Jsapi:
                sb.Append("<img class=\"qr\" id=\"qr\" alt=\"QR\" src=\"").Append(E(v.PagePath.Replace("?", "/qr.png?", StringComparison.Ordinal))).Append("\">")
                  .Append("<p class=\"hint\" id=\"open-in-wechat\">").Append(E(t.OpenInWeChat)).Append("</p>");
                break;
            case PaymentActionTypes.MiniProgram:
                sb.Append("<p class=\"hint\" id=\"mini-program\">").Append(E(t.MiniProgram)).Append("</p>");
                break;
            case PaymentActionTypes.FormPost when p.Action.Url is { } url:
                sb.Append("<form id=\"provider-form\" method=\"post\" action=\"").Append(E(url)).Append("\">");
                foreach (var (name, value) in p.Action.Parameters ?? new Dictionary<string, string>())
                {
                    sb.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
                }

                sb.Append("<button type=\"submit\">").Append(E(t.Continue)).Append("</button></form>");
                break;
            case PaymentActionTypes.Redirect when p.Action.Url is { } url:
                // The provider's cashier (WeChat H5) checks the Referer against the merchant's H5 domain: send the origin only (never the token).
                sb.Append("<a class=\"button\" id=\"redirect\" referrerpolicy=\"origin\" href=\"").Append(E(url)).Append("\">").Append(E(t.Continue)).Append("</a>");
                break;
        }
    }

    private static void AppendFinal(StringBuilder sb, CheckoutView v, string status, string tone, string words)
    {
        sb.Append("<div class=\"hidden\" id=\"final-").Append(status).Append("\"><p class=\"final ").Append(tone).Append("\">").Append(E(words)).Append("</p>");
        if (v.Payment.ReturnUrl is { } back)
        {
            sb.Append("<a class=\"button\" href=\"").Append(E(back)).Append("\">").Append(E(v.Text.Back)).Append("</a>");
        }

        sb.Append("</div>");
    }

    private static string Data(CheckoutView v)
    {
        var p = v.Payment;
        var events = v.PagePath.Replace("?", "/events?", StringComparison.Ordinal);
        var status = v.PagePath.Replace("?", "/status?", StringComparison.Ordinal);
        var json = JsonSerializer.Serialize(new
        {
            status = p.Status.ToName(), expiresAt = p.ExpiresAt, returnUrl = p.ReturnUrl, eventsUrl = events, statusUrl = status,
            jsapi = p.Action is { Type: PaymentActionTypes.Jsapi } && v.InsideWeChat ? p.Action.Parameters : null,
            autoLaunch = v.InsideWeChat, autoLogin = v.WeChatLoginUrl is not null && p.Action is null && !v.Retry,
        });

        // Inside <script>, "</" would end the block: JSON allows escaping it.
        return json.Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string E(string s) => Html.Encode(s);
}
