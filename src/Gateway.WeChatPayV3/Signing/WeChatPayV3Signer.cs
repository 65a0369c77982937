using System.Security.Cryptography;
using System.Text;

namespace Gateway.WeChatPayV3.Signing;

/// <summary>
/// SHA256withRSA (PKCS#1 v1.5) signatures of APIv3: the request message
/// <c>METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n</c> signed with the merchant API private key, the reply/notify
/// message <c>TIMESTAMP\nNONCE\nBODY\n</c> verified with WeChat Pay's key, and the JSAPI paySign message.
/// Every line ends in <c>\n</c>, the last one included.
/// REF: https://pay.weixin.qq.com/doc/v3/merchant/4012365336 (docs/protocols.md §F).
/// </summary>
public static class WeChatPayV3Signer
{
    /// <summary>The scheme of the Authorization header and of <c>Wechatpay-Signature-Type</c>.</summary>
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>The request message; <paramref name="url"/> is the path plus query exactly as sent.</summary>
    public static string RequestMessage(string method, string url, long timestamp, string nonce, string body)
        => Lines(method, url, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), nonce, body);

    /// <summary>The reply and notify message, over the raw body bytes.</summary>
    public static byte[] ReplyMessage(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    /// <summary>The JSAPI / mini-program paySign message <c>appId\ntimeStamp\nnonceStr\npackage\n</c>.</summary>
    public static string PaySignMessage(string appId, string timeStamp, string nonceStr, string package)
        => Lines(appId, timeStamp, nonceStr, package);

    /// <summary>Base64 of SHA256withRSA over the UTF-8 message.</summary>
    public static string Sign(RSA privateKey, string message)
        => Sign(privateKey, Encoding.UTF8.GetBytes(message));

    /// <summary>Base64 of SHA256withRSA over the message bytes.</summary>
    public static string Sign(RSA privateKey, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToBase64String(privateKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>True when <paramref name="signature"/> (Base64) verifies over <paramref name="message"/>.</summary>
    public static bool Verify(RSA publicKey, ReadOnlySpan<byte> message, string? signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static string Lines(params string[] lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
