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
    /// WeChat lets a merchant call unifiedorder again for an unpaid order and get the same prepay_id, but only
    /// with the same parameters ("订单重入时，要求参数值与原请求一致", INVALID_REQUEST in docs/protocols.md B8).
    /// The payer's IP and the time window are left out (inferred: a retry from another network or a minute later
    /// is still the same order); every term that changes what is paid, by whom or where the notify goes counts.
    /// </summary>
    public bool IsSameOrderAs(OrderTerms other) =>
        AppId == other.AppId && Body == other.Body && Attach == other.Attach && DeviceInfo == other.DeviceInfo
        && TotalFee == other.TotalFee && FeeType == other.FeeType && TradeType == other.TradeType
        && ProductId == other.ProductId && OpenId == other.OpenId && SignType == other.SignType
        && string.Equals(NotifyUrl.OriginalString, other.NotifyUrl.OriginalString, StringComparison.Ordinal);
}
