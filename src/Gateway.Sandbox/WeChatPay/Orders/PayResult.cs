namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>What happened when the simulated payer tried to pay an order.</summary>
internal enum PayResult
{
    Paid,
    AlreadyPaid,
    Closed,
    PaymentCodeExpired,
}
