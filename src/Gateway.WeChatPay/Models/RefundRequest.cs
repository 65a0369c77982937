using System.Globalization;

namespace Gateway.WeChatPay.Models;

/// <summary>The fields of <c>/secapi/pay/refund</c> (docs/protocols.md §B4) a merchant chooses; the client adds the account, nonce and sign.</summary>
public sealed class RefundRequest
{
    /// <summary><c>out_trade_no</c>: the refunded order.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>out_refund_no</c>: the merchant's refund number; a retry MUST reuse it, so WeChat refunds only once.</summary>
    public required string OutRefundNo { get; init; }

    /// <summary><c>total_fee</c>: the order's total, in fen.</summary>
    public required long TotalFee { get; init; }

    /// <summary><c>refund_fee</c>: this refund, in fen.</summary>
    public required long RefundFee { get; init; }

    /// <summary><c>refund_desc</c> (≤ 80 characters), shown to the payer.</summary>
    public string? RefundDesc { get; init; }

    /// <summary><c>notify_url</c>: where the refund result notify goes.</summary>
    public string? NotifyUrl { get; init; }

    internal IEnumerable<KeyValuePair<string, string>> ToFields() =>
    [
        new("out_trade_no", OutTradeNo),
        new("out_refund_no", OutRefundNo),
        new("total_fee", TotalFee.ToString(CultureInfo.InvariantCulture)),
        new("refund_fee", RefundFee.ToString(CultureInfo.InvariantCulture)),
        new("refund_desc", RefundDesc ?? ""),
        new("notify_url", NotifyUrl ?? ""),
    ];
}
