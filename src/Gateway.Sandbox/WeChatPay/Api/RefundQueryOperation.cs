using System.Globalization;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// <c>POST /pay/refundquery</c> (docs/protocols.md §B5): by out_refund_no, refund_id, out_trade_no or transaction_id; the
/// order's refunds come back as indexed fields, or REFUNDNOTEXIST.
/// </summary>
internal sealed class RefundQueryOperation(OrderBook orders, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var reader = new RequestFieldReader(request.Fields);
        var outRefundNo = reader.Optional("out_refund_no", 64);
        var refundId = reader.Optional("refund_id", 32);
        var outTradeNo = reader.Optional("out_trade_no", 32);
        var transactionId = reader.Optional("transaction_id", 32);
        if (outRefundNo is null && refundId is null && outTradeNo is null && transactionId is null)
        {
            reader.Fail(ProtocolError.Missing("out_refund_no"));
        }

        if (reader.Error is not null)
        {
            return OperationResult.Refused(reader.Error);
        }

        var mchId = request.Merchant.MchId;
        var order = outTradeNo is not null ? orders.FindByOutTradeNo(mchId, outTradeNo)
            : transactionId is not null ? orders.FindByTransactionId(mchId, transactionId)
            : orders.FindByRefund(mchId, outRefundNo, refundId);
        var refunds = order?.Refunds().Where(r => (outRefundNo is null || r.OutRefundNo == outRefundNo) && (refundId is null || r.RefundId == refundId)).ToList();
        if (order is null || refunds is not { Count: > 0 })
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.RefundNotExist, "退款订单查询失败");
        }

        var snapshot = order.Snapshot(time.GetUtcNow());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("transaction_id", snapshot.Payment!.TransactionId),
            new("out_trade_no", snapshot.Terms.OutTradeNo),
            new("total_fee", snapshot.Terms.TotalFee.ToString(CultureInfo.InvariantCulture)),
            new("cash_fee", snapshot.Terms.TotalFee.ToString(CultureInfo.InvariantCulture)),
            new("refund_count", refunds.Count.ToString(CultureInfo.InvariantCulture)),
        };
        for (var n = 0; n < refunds.Count; n++)
        {
            var refund = refunds[n];
            var (status, succeededAt) = refund.State;
            var i = n.ToString(CultureInfo.InvariantCulture);
            fields.Add(new("out_refund_no_" + i, refund.OutRefundNo));
            fields.Add(new("refund_id_" + i, refund.RefundId));
            fields.Add(new("refund_fee_" + i, refund.RefundFee.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new("refund_status_" + i, status));
            fields.Add(new("refund_recv_accout_" + i, "支付用户零钱"));
            if (succeededAt is { } at)
            {
                fields.Add(new("refund_success_time_" + i, WeChatTime.ToWireDateTime(at)));
            }
        }

        return OperationResult.Succeeded([.. fields]);
    }
}
