using System.Text;
using Gateway.Sandbox.Http;

namespace Gateway.Sandbox.Notify;

/// <summary>
/// Posts one notify attempt and records how the merchant answered; each provider part supplies its own
/// body and its own idea of an acknowledgement.
/// </summary>
internal sealed class NotifyPoster(IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>The named <see cref="HttpClient"/> used for every provider's notifies; hosts and tests may configure it.</summary>
    public const string HttpClientName = "Gateway.Sandbox.Notify";

    private const int MaxRecordedReplyChars = 512;
    private const int MaxReplyBytes = 64 * 1024;

    /// <param name="number">The attempt number, from 1.</param>
    /// <param name="notifyUrl">The merchant's notify URL.</param>
    /// <param name="content">Creates the body; called once per attempt because content is single-use.</param>
    /// <param name="acknowledged">True when the reply body means "received, stop retrying".</param>
    /// <param name="timeout">How long to wait for the reply.</param>
    /// <param name="stopping">Host shutdown.</param>
    public async Task<NotifyAttempt> SendAsync(
        int number, Uri notifyUrl, Func<HttpContent> content, Func<byte[], bool> acknowledged, TimeSpan timeout, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(acknowledged);
        var startedAt = time.GetUtcNow();
        var clock = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
        try
        {
            using var body = content();
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(notifyUrl, body, linked.Token).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var reply = await BoundedBody.ReadAsync(stream, MaxReplyBytes, linked.Token).ConfigureAwait(false);
            var outcome = response.IsSuccessStatusCode && acknowledged(reply) ? NotifyOutcome.Delivered : NotifyOutcome.Rejected;
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), outcome, (int)response.StatusCode, Excerpt(reply), null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), NotifyOutcome.TimedOut, null, null,
                $"No reply within {timeout}.");
        }
        catch (HttpRequestException ex)
        {
            return new NotifyAttempt(number, startedAt, time.GetElapsedTime(clock), NotifyOutcome.Unreachable, null, null, ex.Message);
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= MaxRecordedReplyChars ? text : text[..MaxRecordedReplyChars] + "…";
    }
}
