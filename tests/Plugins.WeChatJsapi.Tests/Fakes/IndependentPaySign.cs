using System.Security.Cryptography;
using System.Text;

namespace Gateway.Plugins.WeChat.Testing;

/// <summary>The test's own paySign (docs/protocols.md §C1/§D), written from the spec and sharing no code with the plugins.</summary>
public static class IndependentPaySign
{
    public static string Compute(string appId, string nonceStr, string package, string signType, string timeStamp, string key)
    {
        var text = $"appId={appId}&nonceStr={nonceStr}&package={package}&signType={signType}&timeStamp={timeStamp}&key={key}";
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = signType == "HMAC-SHA256" ? new HMACSHA256(Encoding.UTF8.GetBytes(key)).ComputeHash(bytes) : MD5.HashData(bytes);
        return string.Concat(hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
