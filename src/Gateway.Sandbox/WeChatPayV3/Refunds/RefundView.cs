using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Refunds;
using Gateway.Sandbox.WeChatPayV3.Api;

namespace Gateway.Sandbox.WeChatPayV3.Refunds;

/// <summary>
/// A sandbox refund as APIv3 shows it: the Refund object of the reply and query (<c>status</c>) and the resource of a
/// <c>REFUND.*</c> notify (<c>refund_status</c>). Refunds are kept with v2's state names, shared with the ops action;
/// here they get their v3 names. REF: docs/protocols.md §G3.d.
/// </summary>
internal static class RefundView
{
    private const string PayerBalance = "支付用户零钱";

    /// <summary>The v3 name of a refund state: CHANGE is ABNORMAL, REFUNDCLOSE is CLOSED.</summary>
    public static string Status(string v2Status) => v2Status switch
    {
        RefundStatuses.Change => "ABNORMAL",
        RefundStatuses.RefundClose => "CLOSED",
        _ => v2Status,
    };

    public static JsonObject Reply(OrderSnapshot order, SandboxRefund refund)
    {
        var (status, succeededAt) = refund.State;
        var json = Common(order, refund);
        json["channel"] = "ORIGINAL";
        json["user_received_account"] = PayerBalance;
        json["create_time"] = TransactionView.ToWire(refund.CreatedAt);
        json["status"] = Status(status);
        json["funds_account"] = "AVAILABLE";
        json["amount"] = new JsonObject
        {
            ["total"] = refund.TotalFee,
            ["refund"] = refund.RefundFee,
            ["from"] = new JsonArray(),
            ["payer_total"] = refund.TotalFee,
            ["payer_refund"] = refund.RefundFee,
            ["settlement_refund"] = refund.RefundFee,
            ["settlement_total"] = refund.TotalFee,
            ["discount_refund"] = 0,
            ["currency"] = order.Terms.FeeType,
        };
        json["promotion_detail"] = new JsonArray();
        if (succeededAt is { } at)
        {
            json["success_time"] = TransactionView.ToWire(at);
        }

        return json;
    }

    public static JsonObject NotifyResource(OrderSnapshot order, SandboxRefund refund)
    {
        var (status, succeededAt) = refund.State;
        var json = Common(order, refund);
        json["mchid"] = order.Terms.MchId;
        json["refund_status"] = Status(status);
        json["user_received_account"] = PayerBalance;
        json["amount"] = new JsonObject
        {
            ["total"] = refund.TotalFee,
            ["refund"] = refund.RefundFee,
            ["payer_total"] = refund.TotalFee,
            ["payer_refund"] = refund.RefundFee,
        };
        if (succeededAt is { } at)
        {
            json["success_time"] = TransactionView.ToWire(at);
        }

        return json;
    }

    private static JsonObject Common(OrderSnapshot order, SandboxRefund refund) => new()
    {
        ["refund_id"] = refund.RefundId,
        ["out_refund_no"] = refund.OutRefundNo,
        ["transaction_id"] = order.Payment?.TransactionId ?? "",
        ["out_trade_no"] = order.Terms.OutTradeNo,
    };
}
