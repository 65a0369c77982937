using System.Text;
using Gateway.Sandbox.Http;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.WeChatPayV3.Signing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPayV3.Protocol;

/// <summary>
/// Checks a merchant's request as WeChat does: the Authorization header's scheme and pairs, a known APIv3 merchant,
/// its API certificate serial, a timestamp within 5 minutes, and SHA256withRSA over
/// <c>METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n</c> with the merchant's public key (URL = path and query as sent).
/// </summary>
internal sealed class V3RequestAuthenticator(V3Platform platform, TimeProvider time)
{
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public async Task<(V3Merchant? Merchant, string Body, V3Error? Error)> AuthenticateAsync(HttpRequest request)
    {
        var bytes = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (bytes.Length > MaxBodyBytes)
        {
            return (null, "", V3Error.ParamError("请求体过大 (body too large)"));
        }

        var body = Encoding.UTF8.GetString(bytes);
        if (!AuthorizationHeader.TryParse(request.Headers.Authorization.ToString(), out var header))
        {
            return (null, body, V3Error.SignError("Authorization 头缺失或格式错误 (missing or malformed Authorization header)"));
        }

        if (!platform.Merchants.TryGetValue(header.MchId, out var merchant))
        {
            return (null, body, V3Error.MchNotExists());
        }

        if (!string.Equals(header.SerialNo, merchant.SerialNo, StringComparison.OrdinalIgnoreCase))
        {
            return (merchant, body, V3Error.SignError("商户证书序列号有误 (serial_no is not the merchant's API certificate)"));
        }

        if ((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(header.Timestamp, 0, 253402300799))).Duration() > MaxSkew)
        {
            return (merchant, body, V3Error.SignError("timestamp 与当前时间相差过大 (timestamp more than 5 minutes off)"));
        }

        var url = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var message = WeChatPayV3Signer.RequestMessage(request.Method, url, header.Timestamp, header.NonceStr, body);
        return WeChatPayV3Signer.Verify(merchant.PublicKey, Encoding.UTF8.GetBytes(message), header.Signature)
            ? (merchant, body, null)
            : (merchant, body, V3Error.SignError("签名错误 (the signature does not verify)"));
    }
}
