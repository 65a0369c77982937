using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// A transaction as the query answers it and as a <c>TRANSACTION.SUCCESS</c> resource decrypts to. Every field is
/// optional on the wire. REF: docs/protocols.md §G3.b.
/// </summary>
public sealed record Transaction
{
    /// <summary>appid.</summary>
    [JsonPropertyName("appid")] public string? AppId { get; init; }

    /// <summary>mchid.</summary>
    [JsonPropertyName("mchid")] public string? MchId { get; init; }

    /// <summary>out_trade_no.</summary>
    [JsonPropertyName("out_trade_no")] public string? OutTradeNo { get; init; }

    /// <summary>transaction_id.</summary>
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }

    /// <summary>trade_type: JSAPI, NATIVE, APP, MICROPAY, MWEB, FACEPAY.</summary>
    [JsonPropertyName("trade_type")] public string? TradeType { get; init; }

    /// <summary>trade_state: SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR.</summary>
    [JsonPropertyName("trade_state")] public string? TradeState { get; init; }

    /// <summary>trade_state_desc.</summary>
    [JsonPropertyName("trade_state_desc")] public string? TradeStateDesc { get; init; }

    /// <summary>bank_type.</summary>
    [JsonPropertyName("bank_type")] public string? BankType { get; init; }

    /// <summary>attach.</summary>
    [JsonPropertyName("attach")] public string? Attach { get; init; }

    /// <summary>success_time, RFC 3339.</summary>
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }

    /// <summary>payer.</summary>
    [JsonPropertyName("payer")] public PrepayPayer? Payer { get; init; }

    /// <summary>amount.</summary>
    [JsonPropertyName("amount")] public TransactionAmount? Amount { get; init; }
}

/// <summary>amount of a transaction.</summary>
public sealed record TransactionAmount
{
    /// <summary>total, fen.</summary>
    [JsonPropertyName("total")] public long? Total { get; init; }

    /// <summary>payer_total, fen (after coupons).</summary>
    [JsonPropertyName("payer_total")] public long? PayerTotal { get; init; }

    /// <summary>currency.</summary>
    [JsonPropertyName("currency")] public string? Currency { get; init; }

    /// <summary>payer_currency.</summary>
    [JsonPropertyName("payer_currency")] public string? PayerCurrency { get; init; }
}
