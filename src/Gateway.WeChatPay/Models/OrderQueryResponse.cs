namespace Gateway.WeChatPay.Models;

/// <summary>The reply of <c>/pay/orderquery</c>.</summary>
public sealed class OrderQueryResponse(IReadOnlyDictionary<string, string> fields) : WeChatPayResponse(fields)
{
    /// <summary><c>trade_state</c>: SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR, ACCEPT.</summary>
    public string? TradeState => Get("trade_state");

    /// <summary><c>trade_state_desc</c>.</summary>
    public string? TradeStateDesc => Get("trade_state_desc");

    /// <summary><c>out_trade_no</c>.</summary>
    public string? OutTradeNo => Get("out_trade_no");

    /// <summary><c>transaction_id</c>: WeChat's transaction, once paid.</summary>
    public string? TransactionId => Get("transaction_id");

    /// <summary><c>total_fee</c> in fen, or null when absent or not an integer.</summary>
    public long? TotalFee => GetInt64("total_fee");

    /// <summary><c>fee_type</c>; absent means CNY.</summary>
    public string? FeeType => Get("fee_type");

    /// <summary><c>time_end</c>: when it was paid, or null when absent or unreadable.</summary>
    public DateTimeOffset? TimeEnd => WeChatTime.TryParse(Get("time_end"), out var paid) ? paid : null;

    /// <summary><c>openid</c>: the payer.</summary>
    public string? OpenId => Get("openid");

    /// <summary><c>attach</c>, as sent with the order.</summary>
    public string? Attach => Get("attach");
}
