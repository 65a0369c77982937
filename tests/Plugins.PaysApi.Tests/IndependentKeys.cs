using System.Security.Cryptography;
using System.Text;

namespace Gateway.Plugins.PaysApi.Tests;

/// <summary>
/// PaysAPI's two keys written again from docs/protocols.md §E3/§E4 as plain concatenation + MD5, sharing no code
/// with the plugin, so agreement proves the plugin follows the rules rather than its own bugs.
/// </summary>
internal static class IndependentKeys
{
    public static string Pay(string goodsname, string istype, string notifyUrl, string orderid, string orderuid, string price, string returnUrl, string token, string uid)
        => Md5(goodsname + istype + notifyUrl + orderid + orderuid + price + returnUrl + token + uid);

    public static string Notify(string orderid, string orderuid, string paysapiId, string price, string realprice, string token)
        => Md5(orderid + orderuid + paysapiId + price + realprice + token);

    private static string Md5(string text)
    {
        var hex = new StringBuilder();
        foreach (var b in MD5.HashData(Encoding.UTF8.GetBytes(text)))
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
