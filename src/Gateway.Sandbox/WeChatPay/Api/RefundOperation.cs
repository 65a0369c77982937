using System.Globalization;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.Sandbox.WeChatPay.Refunds;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// <c>POST /secapi/pay/refund</c> (docs/protocols.md §B4, §G2): reached only through <see cref="SecureApiEndpoints"/>, after the
/// client certificate was checked. An accepted refund is PROCESSING; it succeeds after a moment (or an ops action
/// ends it) and the encrypted refund notify follows.
/// </summary>
internal sealed class RefundOperation(OrderBook orders, RefundNotifyQueue notifies, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var reader = new RequestFieldReader(request.Fields);
        var outTradeNo = reader.Optional("out_trade_no", 32);
        var transactionId = reader.Optional("transaction_id", 32);
        var outRefundNo = reader.Required("out_refund_no", 64);
        var totalText = reader.Required("total_fee", 10);
        var refundText = reader.Required("refund_fee", 10);
        var notifyUrl = reader.Optional("notify_url", 256);
        if (outTradeNo is null && transactionId is null)
        {
            reader.Fail(ProtocolError.Missing("transaction_id或out_trade_no"));
        }

        if (reader.Error is not null)
        {
            return OperationResult.Refused(reader.Error);
        }

        if (!long.TryParse(totalText, NumberStyles.None, CultureInfo.InvariantCulture, out var totalFee)
            || !long.TryParse(refundText, NumberStyles.None, CultureInfo.InvariantCulture, out var refundFee))
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.ParamError, "total_fee和refund_fee必须为整数(分)");
        }

        var mchId = request.Merchant.MchId;
        var order = transactionId is not null ? orders.FindByTransactionId(mchId, transactionId) : orders.FindByOutTradeNo(mchId, outTradeNo!);
        if (order is null)
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.OrderNotExist, "订单不存在");
        }

        var now = time.GetUtcNow();
        var (refund, created, errCode, errCodeDes) = order.ApplyRefund(outRefundNo, totalFee, refundFee, notifyUrl, request.Merchant, now);
        if (refund is null)
        {
            return OperationResult.BusinessFailure(errCode!, errCodeDes!);
        }

        // A retry of an accepted refund (same out_refund_no, same terms) is answered again and refunded once.
        if (created)
        {
            notifies.Enqueue(new RefundNotifyJob(order, refund, AfterProcessing: true));
        }

        return Accepted(order, refund, now);
    }

    private static OperationResult Accepted(SandboxOrder order, SandboxRefund refund, DateTimeOffset now)
    {
        var snapshot = order.Snapshot(now);
        var fee = refund.RefundFee.ToString(CultureInfo.InvariantCulture);
        return OperationResult.Succeeded(
            new("transaction_id", snapshot.Payment!.TransactionId),
            new("out_trade_no", snapshot.Terms.OutTradeNo),
            new("out_refund_no", refund.OutRefundNo),
            new("refund_id", refund.RefundId),
            new("refund_fee", fee),
            new("settlement_refund_fee", fee),
            new("total_fee", refund.TotalFee.ToString(CultureInfo.InvariantCulture)),
            new("cash_fee", refund.TotalFee.ToString(CultureInfo.InvariantCulture)),
            new("cash_refund_fee", fee));
    }
}
