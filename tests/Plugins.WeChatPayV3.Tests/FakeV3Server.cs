using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Plugins.WeChatPayV3.Tests;

/// <summary>
/// Plays WeChat Pay for one test: records each request, answers with the queued status and body, signed with the
/// platform key (or not, or wrongly, when a test asks).
/// </summary>
internal sealed class FakeV3Server(RSA platformKey, string serial, TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<(int Status, string Body, bool Sign, byte[]? File)> _replies = new();

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public void Reply(int status, string body, bool sign = true) => _replies.Enqueue((status, body, sign, null));

    /// <summary>A file download's reply: raw bytes, unsigned, as WeChat serves a bill.</summary>
    public void ReplyFile(byte[] file) => _replies.Enqueue((200, "", false, file));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var (status, replyBody, sign, file) = _replies.Dequeue();
        if (file is not null)
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(file) };
        }

        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(replyBody, Encoding.UTF8, "application/json") };
        if (sign)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            const string nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
            var signature = platformKey.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{replyBody}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            response.Headers.Add("Wechatpay-Timestamp", timestamp);
            response.Headers.Add("Wechatpay-Nonce", nonce);
            response.Headers.Add("Wechatpay-Serial", serial);
            response.Headers.Add("Wechatpay-Signature", Convert.ToBase64String(signature));
        }

        return response;
    }
}
