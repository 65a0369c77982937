namespace Gateway.WeChatPay.Models;

/// <summary>The reply of <c>/secapi/pay/refund</c> (docs/protocols.md §G2.3): the refund was accepted, not done.</summary>
public sealed class RefundResponse(IReadOnlyDictionary<string, string> fields) : WeChatPayResponse(fields)
{
    /// <summary><c>refund_id</c>: WeChat's refund.</summary>
    public string? RefundId => Get("refund_id");

    /// <summary><c>out_refund_no</c>, as sent.</summary>
    public string? OutRefundNo => Get("out_refund_no");

    /// <summary><c>refund_fee</c> in fen.</summary>
    public long? RefundFee => GetInt64("refund_fee");
}
