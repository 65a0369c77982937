using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// A refund as <c>POST /v3/refund/domestic/refunds</c> and its query answer it. Every field is optional here: the
/// plugin checks what it relies on. REF: docs/protocols.md §G3.d.
/// </summary>
public sealed record Refund
{
    /// <summary>refund_id: WeChat's refund number.</summary>
    [JsonPropertyName("refund_id")] public string? RefundId { get; init; }

    /// <summary>out_refund_no.</summary>
    [JsonPropertyName("out_refund_no")] public string? OutRefundNo { get; init; }

    /// <summary>transaction_id.</summary>
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }

    /// <summary>out_trade_no.</summary>
    [JsonPropertyName("out_trade_no")] public string? OutTradeNo { get; init; }

    /// <summary>channel: ORIGINAL, BALANCE, OTHER_BALANCE, OTHER_BANKCARD.</summary>
    [JsonPropertyName("channel")] public string? Channel { get; init; }

    /// <summary>user_received_account, e.g. 支付用户零钱.</summary>
    [JsonPropertyName("user_received_account")] public string? UserReceivedAccount { get; init; }

    /// <summary>success_time, RFC 3339 (only when SUCCESS).</summary>
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }

    /// <summary>create_time, RFC 3339.</summary>
    [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; init; }

    /// <summary>status: SUCCESS, CLOSED, PROCESSING, ABNORMAL (the notify calls it refund_status).</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }

    /// <summary>funds_account.</summary>
    [JsonPropertyName("funds_account")] public string? FundsAccount { get; init; }

    /// <summary>amount.</summary>
    [JsonPropertyName("amount")] public RefundAmount? Amount { get; init; }
}

/// <summary>amount of a refund (reply, query and notify), in fen.</summary>
public sealed record RefundAmount
{
    /// <summary>total: the order's amount.</summary>
    [JsonPropertyName("total")] public long? Total { get; init; }

    /// <summary>refund: this refund's amount.</summary>
    [JsonPropertyName("refund")] public long? Refund { get; init; }

    /// <summary>payer_total: what the payer paid.</summary>
    [JsonPropertyName("payer_total")] public long? PayerTotal { get; init; }

    /// <summary>payer_refund: what goes back to the payer.</summary>
    [JsonPropertyName("payer_refund")] public long? PayerRefund { get; init; }

    /// <summary>currency.</summary>
    [JsonPropertyName("currency")] public string? Currency { get; init; }
}
