using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>v3 <c>trade_state</c> to payment status (the same values as v2's).</summary>
internal static class TradeStates
{
    public static PaymentStatus ToStatus(string? tradeState) => tradeState switch
    {
        "SUCCESS" => PaymentStatus.Succeeded,
        // A refund was started; the payment itself succeeded and the gateway tracks refunds on its own.
        "REFUND" => PaymentStatus.Succeeded,
        "CLOSED" or "REVOKED" => PaymentStatus.Closed,
        "PAYERROR" => PaymentStatus.Failed,
        // NOTPAY, USERPAYING and unknown states (WeChat adds values) must not end a payment.
        _ => PaymentStatus.Pending,
    };
}
