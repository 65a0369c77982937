using System.Security.Cryptography;
using System.Text;
using Gateway.Plugins.PaysApi.Models;

namespace Gateway.Plugins.PaysApi;

/// <summary>
/// The two PaysAPI keys: lower-case MD5 over the values concatenated in parameter-name order with the
/// token slotted in. Computed only here, on the server. REF: docs/protocols.md §E3, §E4.
/// </summary>
internal static class PaysApiSigner
{
    /// <summary>md5(goodsname + istype + notify_url + orderid + orderuid + price + return_url + token + uid).</summary>
    public static string PayKey(PayRequest request, string token)
        => Md5(request.GoodsName + request.IsType + request.NotifyUrl + request.OrderId + request.OrderUid
            + request.Price + request.ReturnUrl + token + request.Uid);

    /// <summary>md5(orderid + orderuid + paysapi_id + price + realprice + token).</summary>
    public static string NotifyKey(PaysApiNotify notify, string token)
        => Md5(notify.OrderId + notify.OrderUid + notify.PaysApiId + notify.Price + notify.RealPrice + token);

    /// <summary>Compares a received key in constant time (for keys of the right length), ignoring hex case.</summary>
    public static bool Verify(PaysApiNotify notify, string token)
    {
        var expected = Encoding.ASCII.GetBytes(NotifyKey(notify, token));
        var received = Encoding.ASCII.GetBytes(notify.Key.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
