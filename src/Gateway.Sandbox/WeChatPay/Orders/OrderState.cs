namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>The sandbox order's life cycle; wire names come from <see cref="TradeStates"/>.</summary>
internal enum OrderState
{
    /// <summary>Created, waiting for the payer.</summary>
    NotPay,

    /// <summary>Paid.</summary>
    Success,

    /// <summary>Closed by the merchant, or expired (time_expire passed) before payment.</summary>
    Closed,

    /// <summary>The payment failed (the <c>pay_fail</c> fault: a bank refusal).</summary>
    PayError,

    /// <summary>The payer is still confirming (the <c>user_paying</c> fault); ends paid.</summary>
    UserPaying,
}
