using System.Security.Cryptography;
using System.Text;

namespace Gateway.Sandbox.Tests.Infrastructure;

/// <summary>
/// A second, deliberately naive v2 signer (docs/protocols.md §A) written without WeChatSigner, so a bug shared
/// by the sandbox and the production signer cannot make the tests agree with themselves.
/// </summary>
internal static class IndependentSigner
{
    public const string Md5 = "MD5";
    public const string HmacSha256 = "HMAC-SHA256";

    public static string Sign(IReadOnlyDictionary<string, string> fields, string key, string signType)
    {
        var names = fields.Keys.Where(k => k != "sign" && fields[k] != "").ToList();
        names.Sort(string.CompareOrdinal);
        var text = "";
        foreach (var name in names)
        {
            text += name + "=" + fields[name] + "&";
        }

        text += "key=" + key;
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = signType == HmacSha256 ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), bytes) : MD5.HashData(bytes);
        return Convert.ToHexString(hash);
    }

    /// <summary>True when <c>sign</c> is right for the given algorithm (upper-case hex, as WeChat sends).</summary>
    public static bool IsSignedWith(IReadOnlyDictionary<string, string> fields, string key, string signType) =>
        fields.TryGetValue("sign", out var sign) && sign == Sign(fields, key, signType);
}
