using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>The body of <c>POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close</c>.</summary>
public sealed record CloseRequest([property: JsonPropertyName("mchid")] string MchId);
