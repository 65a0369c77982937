namespace Gateway.WeChatPay.Models;

/// <summary>The reply of <c>/pay/unifiedorder</c>.</summary>
public sealed class UnifiedOrderResponse(IReadOnlyDictionary<string, string> fields) : WeChatPayResponse(fields)
{
    /// <summary><c>trade_type</c>, as echoed.</summary>
    public string? TradeType => Get("trade_type");

    /// <summary><c>prepay_id</c>: the pending order, valid 2 hours.</summary>
    public string? PrepayId => Get("prepay_id");

    /// <summary><c>code_url</c>: the QR content for NATIVE, valid 2 hours.</summary>
    public string? CodeUrl => Get("code_url");
}
