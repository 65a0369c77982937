using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// The body of <c>POST /v3/refund/domestic/refunds</c>; wire names kept. One of <c>transaction_id</c> and
/// <c>out_trade_no</c> names the order. REF: docs/protocols.md §G3.d.
/// </summary>
public sealed record RefundRequest
{
    /// <summary>transaction_id: WeChat's order number (recommended when known).</summary>
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }

    /// <summary>out_trade_no: the merchant's order number.</summary>
    [JsonPropertyName("out_trade_no")] public string? OutTradeNo { get; init; }

    /// <summary>out_refund_no: at most 64 of digits, letters, <c>_-|*@</c>; a retry reuses it and is refunded once.</summary>
    [JsonPropertyName("out_refund_no")] public required string OutRefundNo { get; init; }

    /// <summary>reason, at most 80 characters.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }

    /// <summary>notify_url: where the <c>REFUND.*</c> notify goes; no query string.</summary>
    [JsonPropertyName("notify_url")] public string? NotifyUrl { get; init; }

    /// <summary>amount.</summary>
    [JsonPropertyName("amount")] public required RefundRequestAmount Amount { get; init; }
}

/// <summary>amount of a refund request: <c>refund</c> and the order's <c>total</c>, in fen; currency CNY.</summary>
public sealed record RefundRequestAmount(
    [property: JsonPropertyName("refund")] long Refund,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("currency")] string Currency = "CNY");
