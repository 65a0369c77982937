using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.Sandbox.WeChatPay.Refunds;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>
/// One order held by the sandbox. Its terms never change; its state changes only through these methods,
/// under the order's own lock, because the payer, the merchant's API calls and the notify sender all touch
/// it from different threads.
/// </summary>
internal sealed class SandboxOrder
{
    private readonly Lock _lock = new();
    private readonly List<NotifyAttempt> _notifyAttempts = [];
    private OrderState _state = OrderState.NotPay;
    private DateTimeOffset? _closedAt;
    private PaymentRecord? _payment;
    private NotifyStatus _notifyStatus = NotifyStatus.NotSent;
    private readonly List<SandboxRefund> _refunds = [];

    public SandboxOrder(OrderTerms terms, DateTimeOffset createdAt, TimeSpan paymentCodeLifetime)
    {
        Terms = terms;
        CreatedAt = createdAt;
        IssuePaymentCodes(createdAt, paymentCodeLifetime);
    }

    public OrderTerms Terms { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Written only by <see cref="OrderBook"/> under its index lock, so the indices stay in step.</summary>
    public string PrepayId { get; private set; } = "";

    /// <summary>Only NATIVE orders have one.</summary>
    public string? CodeUrl { get; private set; }

    public DateTimeOffset PaymentCodeExpiresAt { get; private set; }

    /// <summary>Gives the order a fresh prepay_id (and code_url for NATIVE), as re-entry after 2 h does.</summary>
    public void IssuePaymentCodes(DateTimeOffset now, TimeSpan lifetime)
    {
        lock (_lock)
        {
            PrepayId = SandboxIds.PrepayId(now);
            CodeUrl = Terms.TradeType == TradeTypes.Native ? SandboxIds.CodeUrl() : null;
            PaymentCodeExpiresAt = now + lifetime;
        }
    }

    public OrderState CurrentState(DateTimeOffset now)
    {
        lock (_lock)
        {
            CloseIfExpired(now);
            return _state;
        }
    }

    /// <param name="now">When the payer confirms.</param>
    /// <param name="openId">The payer, or null for a made-up one.</param>
    /// <param name="outcome">
    /// <see cref="OrderState.Success"/>; <see cref="OrderState.PayError"/> for a failed payment (its notify says FAIL);
    /// <see cref="OrderState.UserPaying"/> for a payer still confirming, finished later by another call with Success.
    /// </param>
    public PayResult TryPay(DateTimeOffset now, string? openId, OrderState outcome = OrderState.Success)
    {
        lock (_lock)
        {
            CloseIfExpired(now);
            switch (_state)
            {
                case OrderState.Success:
                case OrderState.PayError:
                    return PayResult.AlreadyPaid;
                case OrderState.Closed:
                    return PayResult.Closed;
                case OrderState.UserPaying when outcome == OrderState.UserPaying:
                    return PayResult.AlreadyPaid;
            }

            if (_state != OrderState.UserPaying && now >= PaymentCodeExpiresAt)
            {
                return PayResult.PaymentCodeExpired;
            }

            if (outcome == OrderState.UserPaying)
            {
                _state = OrderState.UserPaying;
                return PayResult.Paid;
            }

            _payment = new PaymentRecord(SandboxIds.TransactionId(now), now, openId ?? SandboxIds.PayerOpenId(), "OTHERS");
            _state = outcome;
            _notifyStatus = NotifyStatus.Pending;
            return PayResult.Paid;
        }
    }

    public CloseResult Close(DateTimeOffset now)
    {
        lock (_lock)
        {
            CloseIfExpired(now);
            switch (_state)
            {
                case OrderState.Success:
                    return CloseResult.AlreadyPaid;
                case OrderState.Closed:
                    return CloseResult.AlreadyClosed;
            }

            _state = OrderState.Closed;
            _closedAt = now;
            return CloseResult.Closed;
        }
    }

    /// <summary>
    /// Accepts a refund as WeChat does: only of a paid order, with the order's own total_fee, never beyond what the
    /// order's refunds not closed leave; the same out_refund_no with the same terms is the same refund (a retry).
    /// <paramref name="v3"/>: asked for through APIv3, so its notify is the REFUND.* event.
    /// </summary>
    public (SandboxRefund? Refund, bool Created, string? ErrCode, string? ErrCodeDes) ApplyRefund(
        string outRefundNo, long totalFee, long refundFee, string? notifyUrl, MerchantAccount merchant, DateTimeOffset now, bool v3 = false)
    {
        lock (_lock)
        {
            if (_state != OrderState.Success || _payment is null)
            {
                return (null, false, WeChatErrorCodes.OrderNotExist, "订单不存在或未支付");
            }

            if (_refunds.FirstOrDefault(r => r.OutRefundNo == outRefundNo) is { } same)
            {
                return same.RefundFee == refundFee && same.TotalFee == totalFee
                    ? (same, false, null, null)
                    : (null, false, WeChatErrorCodes.InvalidRequest, "同一笔退款单号的退款金额与之前请求不一致");
            }

            if (totalFee != Terms.TotalFee)
            {
                return (null, false, WeChatErrorCodes.InvalidRequest, "订单金额与原订单不一致");
            }

            // A closed or abnormal refund gave nothing back, so it no longer counts against the order.
            var reserved = _refunds.Where(r => r.State.Status is not (RefundStatuses.RefundClose or RefundStatuses.Change)).Sum(r => r.RefundFee);
            if (refundFee <= 0 || reserved + refundFee > totalFee)
            {
                return (null, false, WeChatErrorCodes.Error, "累计退款金额大于支付金额");
            }

            if (!merchant.TryDebitRefund(refundFee))
            {
                return (null, false, WeChatErrorCodes.NotEnough, "基本账户余额不足，请充值后重新发起");
            }

            var refund = new SandboxRefund(outRefundNo, SandboxIds.RefundId(now), refundFee, totalFee, notifyUrl, now, v3);
            _refunds.Add(refund);
            return (refund, true, null, null);
        }
    }

    public IReadOnlyList<SandboxRefund> Refunds()
    {
        lock (_lock)
        {
            return _refunds.ToArray();
        }
    }

    public void RecordNotifyAttempt(NotifyAttempt attempt)
    {
        lock (_lock)
        {
            _notifyAttempts.Add(attempt);
        }
    }

    public void FinishNotify(NotifyStatus status)
    {
        lock (_lock)
        {
            _notifyStatus = status;
        }
    }

    public OrderSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_lock)
        {
            CloseIfExpired(now);
            return new OrderSnapshot(
                Terms, _state, PrepayId, CodeUrl, CreatedAt, PaymentCodeExpiresAt, _closedAt, _payment,
                _notifyStatus, _notifyAttempts.ToArray());
        }
    }

    // An unpaid order past its time_expire can no longer be paid; WeChat treats it as closed.
    private void CloseIfExpired(DateTimeOffset now)
    {
        if (_state == OrderState.NotPay && Terms.TimeExpire is { } expire && now >= expire)
        {
            _state = OrderState.Closed;
            _closedAt = expire;
        }
    }
}
