using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPay.Xml;

namespace Gateway.WeChatPay.Refunds;

/// <summary>
/// The encrypted <c>req_info</c> of a v2 refund notify (docs/protocols.md §B7): Base64 of AES-256-ECB with PKCS#7
/// padding, no IV; the key is the lower-case hex MD5 of the API key, its 32 ASCII characters used as the
/// 32-byte key as they are (not hex-decoded). The plaintext is a flat <c>&lt;root&gt;</c> document. The notify
/// carries no sign: decrypting with the merchant's key (and parsing) is what authenticates it.
/// REF: https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_16
/// </summary>
public static class RefundRequestInfo
{
    /// <summary>The root element of the decrypted document.</summary>
    public const string Root = "root";

    /// <summary>Decrypts and parses <paramref name="reqInfo"/>; null when it is not Base64, does not decrypt, or is no such document.</summary>
    public static Dictionary<string, string>? TryDecrypt(string reqInfo, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(reqInfo);
        ArgumentNullException.ThrowIfNull(apiKey);
        var cipher = new byte[reqInfo.Length];
        if (!Convert.TryFromBase64String(reqInfo, cipher, out var length) || length == 0 || length % 16 != 0)
        {
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = DeriveKey(apiKey);
        byte[] plain;
        try
        {
            plain = aes.DecryptEcb(cipher.AsSpan(0, length), PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            return WeChatXml.Parse(plain, Root);
        }
        catch (WeChatXmlException)
        {
            return null;
        }
    }

    /// <summary>Encrypts <paramref name="fields"/> as WeChat does (the sandbox's side, and tests).</summary>
    public static string Encrypt(IEnumerable<KeyValuePair<string, string>> fields, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(apiKey);
        using var aes = Aes.Create();
        aes.Key = DeriveKey(apiKey);
        return Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes(WeChatXml.Write(fields, Root)), PaddingMode.PKCS7));
    }

    /// <summary>The AES key: the 32 ASCII bytes of the lower-case hex MD5 of the API key.</summary>
    public static byte[] DeriveKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var hex = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(apiKey)));
        return Encoding.ASCII.GetBytes(hex);
    }
}
