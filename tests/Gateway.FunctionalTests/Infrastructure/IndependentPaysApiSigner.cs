using System.Security.Cryptography;
using System.Text;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// PaysAPI's notify key written again from docs/protocols.md §E4, sharing no code with the plugin or the
/// sandbox: md5(orderid + orderuid + paysapi_id + price + realprice + token), lower-case hex.
/// </summary>
public static class IndependentPaysApiSigner
{
    public static string NotifyKey(string orderId, string orderUid, string paysApiId, string price, string realPrice, string token)
        => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(orderId + orderUid + paysApiId + price + realPrice + token)));

    /// <summary>A signed notify form body; <paramref name="signedPrice"/> lets a test sign one price and send another.</summary>
    public static FormUrlEncodedContent Notify(string orderId, string orderUid, string price, string realPrice, string token, string paysApiId = "psfunc0001", string? signedPrice = null)
        => new(new Dictionary<string, string>
        {
            ["paysapi_id"] = paysApiId,
            ["orderid"] = orderId,
            ["price"] = price,
            ["realprice"] = realPrice,
            ["orderuid"] = orderUid,
            ["key"] = NotifyKey(orderId, orderUid, paysApiId, signedPrice ?? price, realPrice, token),
        });
}
