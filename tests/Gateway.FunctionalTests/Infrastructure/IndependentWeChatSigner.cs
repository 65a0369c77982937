using System.Security.Cryptography;
using System.Text;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// The v2 signing rules written again from the documentation, deliberately sharing no code with
/// Gateway.WeChatPay, so notifies built here prove the gateway follows the rules, not its own bugs.
/// </summary>
public static class IndependentWeChatSigner
{
    public static string Md5(IDictionary<string, string> fields, string key)
        => Hex(MD5.HashData(Encoding.UTF8.GetBytes(SignString(fields, key))));

    public static string HmacSha256(IDictionary<string, string> fields, string key)
        => Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SignString(fields, key))));

    public static string Xml(IDictionary<string, string> fields)
    {
        var body = new StringBuilder("<xml>");
        foreach (var (k, v) in fields)
        {
            body.Append($"<{k}><![CDATA[{v}]]></{k}>");
        }

        return body.Append("</xml>").ToString();
    }

    private static string SignString(IDictionary<string, string> fields, string key)
    {
        var names = fields.Keys.Where(k => k != "sign" && fields[k].Length > 0).ToList();
        names.Sort(string.CompareOrdinal);
        return string.Join("&", names.Select(n => n + "=" + fields[n])) + "&key=" + key;
    }

    private static string Hex(byte[] hash)
    {
        var text = new StringBuilder();
        foreach (var b in hash)
        {
            text.Append(b.ToString("X2"));
        }

        return text.ToString();
    }
}
