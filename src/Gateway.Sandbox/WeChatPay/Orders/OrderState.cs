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

    /// <summary>The payment failed (reserved for simulated bank failures).</summary>
    PayError,
}
