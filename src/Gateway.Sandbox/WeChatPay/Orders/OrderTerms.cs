using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>What a merchant asked for in <c>pay/unifiedorder</c>, already validated. Amounts in fen.</summary>
internal sealed record OrderTerms(
    string MchId,
    string AppId,
    string OutTradeNo,
    string Body,
    string? Attach,
    string? DeviceInfo,
    long TotalFee,
    string FeeType,
    string TradeType,
    string? ProductId,
    string? OpenId,
    string SpbillCreateIp,
    DateTimeOffset? TimeExpire,
    Uri NotifyUrl,
    WeChatSignType SignType)
{
    /// <summary>True for an order placed through APIv3: its notify is a v3 notify.</summary>
    public bool IsV3 { get; init; }

    /// <summary>
    /// WeChat lets a merchant call unifiedorder again for an unpaid order and get the same prepay_id,
    /// but only if the order is the same; these are the terms it compares.
    /// </summary>
    public bool IsSameOrderAs(OrderTerms other) =>
        Body == other.Body && TotalFee == other.TotalFee && TradeType == other.TradeType;
}
