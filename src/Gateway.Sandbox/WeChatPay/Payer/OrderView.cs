using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// The JSON view of a sandbox order for people and tests. It deliberately holds no key and no signature.
/// Amounts are in fen.
/// </summary>
internal sealed record OrderView(
    string MchId,
    string AppId,
    string OutTradeNo,
    string TradeType,
    string TradeState,
    string Body,
    string? Attach,
    long TotalFee,
    string FeeType,
    string SignType,
    string NotifyUrl,
    string PrepayId,
    string? CodeUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset CodeExpiresAt,
    DateTimeOffset? TimeExpire,
    DateTimeOffset? ClosedAt,
    PaymentView? Payment,
    NotifyView Notify)
{
    public static OrderView From(OrderSnapshot order)
    {
        var terms = order.Terms;
        return new OrderView(
            terms.MchId, terms.AppId, terms.OutTradeNo, terms.TradeType, TradeStates.ToWire(order.State), terms.Body,
            terms.Attach, terms.TotalFee, terms.FeeType, terms.IsV3 ? "WECHATPAY2-SHA256-RSA2048" : terms.SignType.ToWire(), terms.NotifyUrl.ToString(), order.PrepayId,
            order.CodeUrl, order.CreatedAt, order.PaymentCodeExpiresAt, terms.TimeExpire, order.ClosedAt,
            order.Payment is { } p ? new PaymentView(p.TransactionId, p.PaidAt, p.OpenId, p.BankType) : null,
            new NotifyView(ToSnakeCase(order.NotifyStatus.ToString()), order.NotifyAttempts.Select(NotifyAttemptView.From).ToArray()));
    }

    private static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}

/// <summary>The simulated payment of an order.</summary>
internal sealed record PaymentView(string TransactionId, DateTimeOffset PaidAt, string OpenId, string BankType);
