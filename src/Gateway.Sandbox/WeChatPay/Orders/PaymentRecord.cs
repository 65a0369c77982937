namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>The simulated payment of an order. Real notifies also carry cash_fee; here it equals total_fee.</summary>
internal sealed record PaymentRecord(string TransactionId, DateTimeOffset PaidAt, string OpenId, string BankType);
