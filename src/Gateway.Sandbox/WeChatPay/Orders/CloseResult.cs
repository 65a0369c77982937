namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>What <c>pay/closeorder</c> did to an order.</summary>
internal enum CloseResult
{
    Closed,
    AlreadyPaid,
    AlreadyClosed,
}
