using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>WeChat <c>trade_state</c> → <see cref="PaymentStatus"/>, in one place.</summary>
internal static class TradeStates
{
    public static PaymentStatus ToStatus(string? tradeState) => tradeState switch
    {
        "SUCCESS" => PaymentStatus.Succeeded,
        // A refund was started; the payment itself succeeded and the gateway tracks refunds on its own.
        "REFUND" => PaymentStatus.Succeeded,
        "NOTPAY" or "USERPAYING" or "ACCEPT" => PaymentStatus.Pending,
        "CLOSED" or "REVOKED" => PaymentStatus.Closed,
        "PAYERROR" => PaymentStatus.Failed,
        // Unknown states (WeChat adds values) must not end a payment; stay pending and query again.
        _ => PaymentStatus.Pending,
    };
}
