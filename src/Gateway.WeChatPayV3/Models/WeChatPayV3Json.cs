using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// Source-generated JSON for the wire models: no reflection caches in shared framework code, so a plugin that
/// ships this library stays unloadable.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PrepayRequest))]
[JsonSerializable(typeof(PrepayResponse))]
[JsonSerializable(typeof(Transaction))]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(CloseRequest))]
[JsonSerializable(typeof(NotifyEnvelope))]
[JsonSerializable(typeof(CertificatesResponse))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(RefundNotifyResource))]
[JsonSerializable(typeof(TradeBillResponse))]
public sealed partial class WeChatPayV3Json : JsonSerializerContext;
