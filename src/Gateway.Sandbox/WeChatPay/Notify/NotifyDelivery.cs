using System.Text;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.WeChatPay.Xml;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>Sends one WeChat notify attempt and judges the reply the way WeChat does.</summary>
internal sealed class NotifyDelivery(NotifyPoster poster, IOptions<WeChatPaySandboxOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> used for notifies; hosts and tests may configure it.</summary>
    public const string HttpClientName = NotifyPoster.HttpClientName;

    public Task<NotifyAttempt> SendAsync(int number, Uri notifyUrl, string xml, CancellationToken stopping)
        => poster.SendAsync(number, notifyUrl, () => new StringContent(xml, Encoding.UTF8, "text/xml"), IsSuccessReply,
            options.Value.NotifyTimeout, stopping);

    // A merchant acknowledges only with <xml><return_code>SUCCESS</return_code>…</xml>; anything else
    // (FAIL, plain "success", HTML) means "send again".
    private static bool IsSuccessReply(byte[] body)
    {
        if (body.Length > WeChatXml.DefaultMaxBytes)
        {
            return false;
        }

        try
        {
            return WeChatXml.Parse(body).GetValueOrDefault("return_code") == "SUCCESS";
        }
        catch (WeChatXmlException)
        {
            return false;
        }
    }
}
