using System.Text.Json;
using Gateway.Sandbox.PaysApi.Orders;
using Gateway.Sandbox.Notify;

namespace Gateway.Sandbox.PaysApi.Payer;

/// <summary>The JSON view of a sandbox PaysAPI order for people and tests: no token and no key.</summary>
internal sealed record PaysApiOrderView(
    string Uid,
    string OrderId,
    string OrderUid,
    string GoodsName,
    string IsType,
    string Price,
    string? RealPrice,
    string State,
    string PaysApiId,
    string QrCode,
    string NotifyUrl,
    string ReturnUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    NotifyView Notify)
{
    public static PaysApiOrderView From(PaysApiOrderSnapshot order)
    {
        var t = order.Terms;
        return new PaysApiOrderView(
            t.Uid, t.OrderId, t.OrderUid, t.GoodsName, t.IsType, t.Price, order.Payment?.RealPrice,
            order.Payment is null ? "unpaid" : "paid", order.PaysApiId, order.QrCode, t.NotifyUrl.ToString(), t.ReturnUrl,
            order.CreatedAt, order.Payment?.PaidAt,
            new NotifyView(
                JsonNamingPolicy.SnakeCaseLower.ConvertName(order.NotifyStatus.ToString()),
                order.NotifyAttempts.Select(NotifyAttemptView.From).ToArray()));
    }
}
