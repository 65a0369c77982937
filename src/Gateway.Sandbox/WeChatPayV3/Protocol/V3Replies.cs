using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.WeChatPayV3.Signing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPayV3.Protocol;

/// <summary>Replies signed as WeChat Pay signs them: <c>Wechatpay-*</c> headers over <c>timestamp\nnonce\nbody\n</c>, errors included.</summary>
internal sealed class V3Replies(V3Platform platform, TimeProvider time)
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public IResult Json(V3Merchant? merchant, int status, JsonNode? body) => Signed(merchant, status, body?.ToJsonString() ?? "");

    public IResult Error(V3Merchant? merchant, V3Error error)
        => Json(merchant, error.Status, new JsonObject { ["code"] = error.Code, ["message"] = error.Message });

    public IResult Signed(V3Merchant? merchant, int status, string body, string? serialOverride = null)
        => new SignedResult(status, body, Headers(serialOverride ?? (merchant is null ? platform.PublicKeyId : platform.SerialFor(merchant)), Encoding.UTF8.GetBytes(body)));

    /// <summary>The four signature headers for <paramref name="body"/>, naming <paramref name="serial"/>.</summary>
    public Dictionary<string, string> Headers(string serial, byte[] body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, 32);
        return new Dictionary<string, string>
        {
            [WeChatPaySignatureHeaders.TimestampName] = timestamp,
            [WeChatPaySignatureHeaders.NonceName] = nonce,
            [WeChatPaySignatureHeaders.SerialName] = serial,
            [WeChatPaySignatureHeaders.SignatureTypeName] = WeChatPayV3Signer.Scheme,
            [WeChatPaySignatureHeaders.SignatureName] = WeChatPayV3Signer.Sign(platform.Key, WeChatPayV3Signer.ReplyMessage(timestamp, nonce, body)),
        };
    }

    private sealed class SignedResult(int status, string body, Dictionary<string, string> headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            if (body.Length > 0)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(body, Encoding.UTF8, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
