using System.Globalization;

namespace Gateway.WeChatPay.Models;

/// <summary>
/// The merchant fields of <c>/pay/unifiedorder</c> (appid, mch_id, nonce_str, sign_type and sign are added
/// by the client). Each property names its wire field; <see cref="ToFields"/> is the single mapping.
/// </summary>
public sealed record UnifiedOrderRequest
{
    /// <summary><c>body</c>, String(128): what the payer sees.</summary>
    public required string Body { get; init; }

    /// <summary><c>out_trade_no</c>, String(32): the merchant order number, unique per mch_id.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>total_fee</c>: the amount in fen.</summary>
    public required long TotalFee { get; init; }

    /// <summary><c>spbill_create_ip</c>: the payer's IP.</summary>
    public required string SpbillCreateIp { get; init; }

    /// <summary><c>notify_url</c>, String(256): absolute, without a query string.</summary>
    public required string NotifyUrl { get; init; }

    /// <summary><c>trade_type</c>: <c>NATIVE</c>, <c>JSAPI</c>, …</summary>
    public required string TradeType { get; init; }

    /// <summary><c>product_id</c>, String(32): required for NATIVE.</summary>
    public string? ProductId { get; init; }

    /// <summary><c>openid</c>: the payer under the appid; required for JSAPI.</summary>
    public string? OpenId { get; init; }

    /// <summary><c>fee_type</c>: CNY when absent.</summary>
    public string? FeeType { get; init; }

    /// <summary><c>attach</c>, String(127): echoed back in query and notify.</summary>
    public string? Attach { get; init; }

    /// <summary><c>time_start</c>: when the order was made; the client sends "now" when null.</summary>
    public DateTimeOffset? TimeStart { get; init; }

    /// <summary><c>time_expire</c>: when the order stops being payable.</summary>
    public DateTimeOffset? TimeExpire { get; init; }

    /// <summary>The wire fields; throws <see cref="ArgumentException"/> when a required one is missing.</summary>
    public Dictionary<string, string> ToFields(DateTimeOffset now)
    {
        Require(Body, "body");
        Require(OutTradeNo, "out_trade_no");
        Require(SpbillCreateIp, "spbill_create_ip");
        Require(NotifyUrl, "notify_url");
        Require(TradeType, "trade_type");
        if (TotalFee <= 0)
        {
            throw new ArgumentException("total_fee must be a positive number of fen.", nameof(TotalFee));
        }

        // WeChat's own rules (B1): NATIVE needs product_id, JSAPI needs openid. Failing here beats a round trip.
        if (TradeType == WeChatPayCodes.TradeTypeNative)
        {
            Require(ProductId, "product_id");
        }
        else if (TradeType == WeChatPayCodes.TradeTypeJsapi)
        {
            Require(OpenId, "openid");
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["body"] = Body,
            ["out_trade_no"] = OutTradeNo,
            ["total_fee"] = TotalFee.ToString(CultureInfo.InvariantCulture),
            ["spbill_create_ip"] = SpbillCreateIp,
            ["notify_url"] = NotifyUrl,
            ["trade_type"] = TradeType,
            ["product_id"] = ProductId ?? "",
            ["openid"] = OpenId ?? "",
            ["fee_type"] = FeeType ?? "",
            ["attach"] = Attach ?? "",
            ["time_start"] = WeChatTime.ToWire(TimeStart ?? now),
            ["time_expire"] = TimeExpire is { } expire ? WeChatTime.ToWire(expire) : "",
        };
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
    }
}
