using System.Text;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.WeChatPay.Testing;

/// <summary>
/// Plays api.mch.weixin.qq.com: checks each request's signature like WeChat does (FAIL/签名错误 when it
/// does not verify) and answers with a reply signed with the same key and algorithm as the request.
/// </summary>
public sealed class FakeWeChatServer(string apiKey) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>The business fields of the reply for a path and request; return_code/appid/nonce/sign are added.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, Dictionary<string, string>> Reply { get; set; }
        = (_, _) => new() { ["result_code"] = "SUCCESS" };

    /// <summary>Changes one field after signing, so the reply's signature no longer verifies.</summary>
    public bool TamperReply { get; set; }

    /// <summary>When set, returned as the body verbatim.</summary>
    public string? RawReply { get; set; }

    /// <summary>When set, returned as the body verbatim, byte for byte (for bodies that are not UTF-8).</summary>
    public byte[]? RawReplyBytes { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var fields = WeChatXml.Parse(body);
        var signValid = WeChatSigner.Verify(fields, apiKey);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, request.Content.Headers.ContentType?.ToString(), fields, signValid));
        HttpContent content = RawReplyBytes is { } bytes
            ? new ByteArrayContent(bytes)
            : new StringContent(RawReply ?? BuildReply(request.RequestUri.AbsolutePath, fields, signValid), Encoding.UTF8, "text/plain");
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }

    private string BuildReply(string path, Dictionary<string, string> request, bool signValid)
    {
        if (!signValid)
        {
            return WeChatXml.Write([new("return_code", "FAIL"), new("return_msg", "签名错误")]);
        }

        var reply = Reply(path, request);
        reply.TryAdd("return_code", "SUCCESS");
        reply.TryAdd("return_msg", "OK");
        reply["appid"] = request["appid"];
        reply["mch_id"] = request["mch_id"];
        reply["nonce_str"] = "srvNonce" + Requests.Count;
        var type = request.TryGetValue("sign_type", out var t) && t == "HMAC-SHA256" ? WeChatSignType.HmacSha256 : WeChatSignType.Md5;
        reply["sign"] = WeChatSigner.Sign(reply, apiKey, type);
        if (TamperReply)
        {
            reply["result_code"] = reply.GetValueOrDefault("result_code") == "SUCCESS" ? "FAIL" : "SUCCESS";
        }

        return WeChatXml.Write(reply);
    }
}

public sealed record RecordedRequest(HttpMethod Method, string Path, string? ContentType, Dictionary<string, string> Fields, bool SignValid);

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
