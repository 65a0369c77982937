using System.Security.Cryptography;
using System.Text;

namespace Gateway.Sandbox.PaysApi.Protocol;

/// <summary>
/// PaysAPI's MD5 keys as the provider side computes them: values concatenated in parameter-name order,
/// token slotted in, lower-case hex. REF: docs/protocols.md §E3, §E4.
/// </summary>
internal static class PaysApiKeys
{
    public static string Pay(PayFields f, string token)
        => Md5(f.GoodsName + f.IsType + f.NotifyUrl + f.OrderId + f.OrderUid + f.Price + f.ReturnUrl + token + f.Uid);

    public static string Notify(string orderId, string orderUid, string paysApiId, string price, string realPrice, string token)
        => Md5(orderId + orderUid + paysApiId + price + realPrice + token);

    /// <summary>Constant-time comparison of a received key with the expected one.</summary>
    public static bool Matches(string expected, string received)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
