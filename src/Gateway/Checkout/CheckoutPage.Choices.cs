using System.Text;

namespace Gateway.Checkout;

internal static partial class CheckoutPage
{
    /// <summary>
    /// An aggregated checkout's choices: one small form per channel posting to <c>/choose</c> (no script needed), the
    /// WeChat login inside WeChat, and the form the script posts by itself inside Alipay. Once a channel is chosen,
    /// the others are offered as "pay another way" (the server closes the first order before placing the next).
    /// </summary>
    private static void AppendChoices(StringBuilder sb, CheckoutView v, string? except)
    {
        var t = v.Text;
        var choose = E(v.PagePath.Replace("?", "/choose?", StringComparison.Ordinal));
        if (v.Retry)
        {
            sb.Append("<p class=\"hint bad\" id=\"retry\">").Append(E(t.Retry)).Append("</p>");
        }

        var others = v.Choices.Where(c => c != except).ToList();
        if (others.Count == 0 && v.WeChatLoginUrl is null)
        {
            return;
        }

        sb.Append("<div class=\"choices\" id=\"choices\"><p class=\"hint\">").Append(E(except is null ? t.Choose : t.OtherWays)).Append("</p>");
        foreach (var channel in others)
        {
            if (channel == CheckoutChoiceEndpoints.JsapiChannel)
            {
                if (v.WeChatLoginUrl is { } login)
                {
                    sb.Append("<a class=\"button\" id=\"wechat-login\" href=\"").Append(E(login)).Append("\">").Append(E(Label(t, channel))).Append("</a>");
                }

                continue;
            }

            var auto = channel == v.AutoChoice && except is null && !v.Retry;
            sb.Append("<form method=\"post\" action=\"").Append(choose).Append('"').Append(auto ? " id=\"choice-auto\"" : "").Append('>')
              .Append("<input type=\"hidden\" name=\"channel\" value=\"").Append(E(channel)).Append("\">")
              .Append("<button type=\"submit\" id=\"choose-").Append(E(channel.Replace('.', '-'))).Append("\">").Append(E(Label(t, channel))).Append("</button></form>");
        }

        sb.Append("</div>");
    }

    private static string Label(CheckoutText t, string channel) => t.Channels.GetValueOrDefault(channel, channel);
}
