using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// The decrypted resource of a <c>REFUND.SUCCESS</c>, <c>REFUND.ABNORMAL</c> or <c>REFUND.CLOSED</c> notify. Note
/// <c>refund_status</c>, where the API reply says <c>status</c>. REF: docs/protocols.md §G3.d.
/// </summary>
public sealed record RefundNotifyResource
{
    /// <summary>mchid.</summary>
    [JsonPropertyName("mchid")] public string? MchId { get; init; }

    /// <summary>transaction_id.</summary>
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }

    /// <summary>out_trade_no.</summary>
    [JsonPropertyName("out_trade_no")] public string? OutTradeNo { get; init; }

    /// <summary>refund_id.</summary>
    [JsonPropertyName("refund_id")] public string? RefundId { get; init; }

    /// <summary>out_refund_no.</summary>
    [JsonPropertyName("out_refund_no")] public string? OutRefundNo { get; init; }

    /// <summary>refund_status: SUCCESS, CLOSED, ABNORMAL.</summary>
    [JsonPropertyName("refund_status")] public string? RefundStatus { get; init; }

    /// <summary>success_time, RFC 3339.</summary>
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }

    /// <summary>user_received_account.</summary>
    [JsonPropertyName("user_received_account")] public string? UserReceivedAccount { get; init; }

    /// <summary>amount: total, refund, payer_total, payer_refund.</summary>
    [JsonPropertyName("amount")] public RefundAmount? Amount { get; init; }
}
