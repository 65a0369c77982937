using System.Globalization;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Refunds;
using Gateway.WeChatPay.Xml;

namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>
/// The refund result notify (docs/protocols.md §B7): an unsigned envelope whose <c>req_info</c> is the result, AES-256-ECB
/// encrypted with the MD5 of the merchant's API key; only the holder of the key can read or forge it.
/// </summary>
internal static class RefundNotifyMessage
{
    public static string Build(OrderSnapshot order, SandboxRefund refund, MerchantAccount merchant)
    {
        var (status, succeededAt) = refund.State;
        var fee = refund.RefundFee.ToString(CultureInfo.InvariantCulture);
        var total = refund.TotalFee.ToString(CultureInfo.InvariantCulture);
        var info = new List<KeyValuePair<string, string>>
        {
            new("out_refund_no", refund.OutRefundNo),
            new("out_trade_no", order.Terms.OutTradeNo),
            new("refund_account", "REFUND_SOURCE_UNSETTLED_FUNDS"),
            new("refund_fee", fee),
            new("refund_id", refund.RefundId),
            new("refund_recv_accout", "支付用户零钱"),
            new("refund_request_source", "API"),
            new("refund_status", status),
            new("settlement_refund_fee", fee),
            new("settlement_total_fee", total),
            new("success_time", succeededAt is { } at ? WeChatTime.ToWireDateTime(at) : ""),
            new("total_fee", total),
            new("transaction_id", order.Payment?.TransactionId ?? ""),
        };
        return WeChatXml.Write(
        [
            new("return_code", WeChatReplies.Success),
            new("appid", order.Terms.AppId),
            new("mch_id", merchant.MchId),
            new("nonce_str", SandboxIds.NonceStr()),
            new("req_info", RefundRequestInfo.Encrypt(info, merchant.ApiKey)),
        ]);
    }
}
