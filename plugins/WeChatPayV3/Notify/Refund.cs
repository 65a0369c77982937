using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Refunds;
using Gateway.WeChatPayV3.Models;
using Gateway.WeChatPayV3.Notify;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    private const string RefundResource = "refund";

    /// <summary>
    /// The refund notifies <c>REFUND.SUCCESS</c>, <c>REFUND.ABNORMAL</c> and <c>REFUND.CLOSED</c>, reached only after the
    /// signature headers verified. The resource's <c>refund_status</c> must agree with the event. The host checks the
    /// refund id, amount, order total and merchant against the stored refund. REF: docs/protocols.md §G3.d.
    /// </summary>
    private NotifyParseResult ParseRefund(NotifyEnvelope envelope, string expectedStatus)
    {
        if (envelope.Resource?.OriginalType is not (null or RefundResource))
        {
            return new NotifyParseResult.Rejected(NotifyRejections.Unsupported, $"A {envelope.EventType} event with a {envelope.Resource?.OriginalType} resource is not handled.");
        }

        if (NotifyResourceDecoder.DecryptRefund(envelope.Resource, _settings.Options.ApiV3Key) is not { } refund)
        {
            return Malformed("The resource does not decrypt with the APIv3 key.");
        }

        // amount.refund and amount.total are fen, at least 1: a negative refund was accepted (found writing the
        // v3-notify-signed fuzz target); payer_refund (less coupons) is never more than refund.
        if (refund is not { OutRefundNo: { Length: > 0 } refundId, OutTradeNo: { Length: > 0 } paymentId, RefundStatus: { Length: > 0 } status,
                Amount: { Refund: long amount and > 0, Total: long total and > 0 } money }
            || money.PayerRefund is < 0 || money.PayerRefund > amount)
        {
            return Malformed("out_refund_no, out_trade_no, refund_status, a positive amount.refund and amount.total, or a payer_refund up to amount.refund is missing.");
        }

        if (status != expectedStatus)
        {
            return Malformed($"refund_status {status} contradicts event {envelope.EventType}.");
        }

        return new NotifyParseResult.Refund(new RefundNotification
        {
            RefundId = refundId,
            PaymentId = paymentId,
            ProviderRefundId = refund.RefundId,
            State = RefundStates.ToState(status),
            ProviderState = status,
            Amount = amount,
            TotalAmount = total,
            MerchantId = refund.MchId,
            SucceededAt = refund.SuccessTime,
        });
    }
}
