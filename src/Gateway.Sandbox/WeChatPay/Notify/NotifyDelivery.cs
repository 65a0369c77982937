using System.Diagnostics;
using System.Text;
using Gateway.Sandbox.Http;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.WeChatPay.Xml;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>Sends one notify attempt and judges the reply the way WeChat does.</summary>
internal sealed class NotifyDelivery(IHttpClientFactory httpClients, IOptions<WeChatPaySandboxOptions> options, TimeProvider time)
{
    /// <summary>The named <see cref="HttpClient"/> used for notifies; hosts and tests may configure it.</summary>
    public const string HttpClientName = "Gateway.Sandbox.Notify";

    private const int MaxRecordedReplyChars = 512;

    public async Task<NotifyAttempt> SendAsync(int number, Uri notifyUrl, string xml, CancellationToken stopping)
    {
        var startedAt = time.GetUtcNow();
        var clock = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Value.NotifyTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(notifyUrl, content, linked.Token).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var body = await BoundedBody.ReadAsync(stream, WeChatXml.DefaultMaxBytes, linked.Token).ConfigureAwait(false);
            var outcome = response.IsSuccessStatusCode && IsSuccessReply(body) ? NotifyOutcome.Delivered : NotifyOutcome.Rejected;
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), outcome, (int)response.StatusCode, Excerpt(body), null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), NotifyOutcome.TimedOut, null, null,
                $"No reply within {options.Value.NotifyTimeout}.");
        }
        catch (HttpRequestException ex)
        {
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), NotifyOutcome.Unreachable, null, null, ex.Message);
        }
    }

    // A merchant acknowledges only with <xml><return_code>SUCCESS</return_code>…</xml>; anything else
    // (FAIL, plain "success", HTML) means "send again".
    private static bool IsSuccessReply(byte[] body)
    {
        try
        {
            return WeChatXml.Parse(body).GetValueOrDefault("return_code") == "SUCCESS";
        }
        catch (WeChatXmlException)
        {
            return false;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= MaxRecordedReplyChars ? text : text[..MaxRecordedReplyChars] + "…";
    }
}
