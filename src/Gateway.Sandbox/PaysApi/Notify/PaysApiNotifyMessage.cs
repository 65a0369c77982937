using Gateway.Sandbox.PaysApi.Merchants;
using Gateway.Sandbox.PaysApi.Orders;
using Gateway.Sandbox.PaysApi.Protocol;

namespace Gateway.Sandbox.PaysApi.Notify;

/// <summary>
/// The notify form: paysapi_id, orderid, price (as requested), realprice (as paid), orderuid and
/// key = md5(orderid + orderuid + paysapi_id + price + realprice + token). REF: docs/protocols.md §E4.
/// </summary>
internal static class PaysApiNotifyMessage
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(PaysApiOrderSnapshot order, PaysApiMerchant merchant)
    {
        var payment = order.Payment ?? throw new InvalidOperationException("Only a paid order has a notify.");
        var t = order.Terms;
        return
        [
            new("paysapi_id", order.PaysApiId),
            new("orderid", t.OrderId),
            new("price", t.Price),
            new("realprice", payment.RealPrice),
            new("orderuid", t.OrderUid),
            new("key", PaysApiKeys.Notify(t.OrderId, t.OrderUid, order.PaysApiId, t.Price, payment.RealPrice, merchant.Token)),
        ];
    }
}
