using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Refunds;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>
/// All sandbox orders, in memory, indexed by (mch_id, out_trade_no), prepay_id and code_url. One lock
/// guards the indices so "look up, then create or re-enter" is atomic; it is always taken before an
/// order's own lock, never after.
/// </summary>
internal sealed class OrderBook(TimeProvider time, IOptions<WeChatPaySandboxOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string MchId, string OutTradeNo), SandboxOrder> _byOutTradeNo = [];
    private readonly Dictionary<string, SandboxOrder> _byPrepayId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxOrder> _byCodeUrl = new(StringComparer.Ordinal);

    private TimeSpan PaymentCodeLifetime => options.Value.CodeUrlLifetime;

    public PlaceOrderResult Place(OrderTerms terms)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_byOutTradeNo.TryGetValue((terms.MchId, terms.OutTradeNo), out var existing))
            {
                var order = new SandboxOrder(terms, now, PaymentCodeLifetime);
                _byOutTradeNo.Add((terms.MchId, terms.OutTradeNo), order);
                Index(order);
                return PlaceOrderResult.Placed(order);
            }

            return Reenter(existing, terms, now);
        }
    }

    public SandboxOrder? FindByOutTradeNo(string mchId, string outTradeNo)
    {
        lock (_gate)
        {
            return _byOutTradeNo.GetValueOrDefault((mchId, outTradeNo));
        }
    }

    /// <summary>A scan is fine here: the sandbox holds a developer's or a test run's orders, not millions.</summary>
    public SandboxOrder? FindByTransactionId(string mchId, string transactionId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _byOutTradeNo.Values.FirstOrDefault(o =>
                o.Terms.MchId == mchId && o.Snapshot(now).Payment?.TransactionId == transactionId);
        }
    }

    /// <summary>The order holding a refund, by out_refund_no or refund_id (a scan, as for transaction ids).</summary>
    public SandboxOrder? FindByRefund(string mchId, string? outRefundNo, string? refundId)
    {
        lock (_gate)
        {
            return _byOutTradeNo.Values.FirstOrDefault(o => o.Terms.MchId == mchId
                && o.Refunds().Any(r => (outRefundNo is null || r.OutRefundNo == outRefundNo) && (refundId is null || r.RefundId == refundId)));
        }
    }

    /// <summary>The order holding the refund <paramref name="outRefundNo"/>, whatever the merchant (the sandbox's ops view).</summary>
    public SandboxOrder? FindRefundAnyMerchant(string outRefundNo)
    {
        lock (_gate)
        {
            return _byOutTradeNo.Values.FirstOrDefault(o => o.Refunds().Any(r => r.OutRefundNo == outRefundNo));
        }
    }

    /// <summary>Every merchant's order with this out_trade_no (it is unique only per mch_id).</summary>
    public IReadOnlyList<SandboxOrder> FindAllByOutTradeNo(string outTradeNo)
    {
        lock (_gate)
        {
            return _byOutTradeNo.Values.Where(o => o.Terms.OutTradeNo == outTradeNo).ToList();
        }
    }

    /// <summary>A merchant's orders paid within [<paramref name="from"/>, <paramref name="to"/>), oldest payment first (the bill's day).</summary>
    public IReadOnlyList<OrderSnapshot> PaidBetween(string mchId, DateTimeOffset from, DateTimeOffset to)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _byOutTradeNo.Values.Where(o => o.Terms.MchId == mchId).Select(o => o.Snapshot(now))
                .Where(s => s.Payment is { } p && p.PaidAt >= from && p.PaidAt < to)
                .OrderBy(s => s.Payment!.PaidAt).ToList();
        }
    }

    /// <summary>
    /// A merchant's refunds applied within [<paramref name="from"/>, <paramref name="to"/>), oldest first, each with its
    /// order: a bill lists a refund on the day it was applied, in whatever state it is (退款状态).
    /// </summary>
    public IReadOnlyList<(OrderSnapshot Order, SandboxRefund Refund)> RefundsBetween(string mchId, DateTimeOffset from, DateTimeOffset to)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _byOutTradeNo.Values.Where(o => o.Terms.MchId == mchId)
                .SelectMany(o => o.Refunds().Where(r => r.CreatedAt >= from && r.CreatedAt < to).Select(r => (o.Snapshot(now), r)))
                .OrderBy(p => p.r.CreatedAt).ToList();
        }
    }

    public SandboxOrder? FindByPrepayId(string prepayId)
    {
        lock (_gate)
        {
            return _byPrepayId.GetValueOrDefault(prepayId);
        }
    }

    public SandboxOrder? FindByCodeUrl(string codeUrl)
    {
        lock (_gate)
        {
            return _byCodeUrl.GetValueOrDefault(codeUrl);
        }
    }

    private PlaceOrderResult Reenter(SandboxOrder existing, OrderTerms terms, DateTimeOffset now)
    {
        switch (existing.CurrentState(now))
        {
            case OrderState.Success:
                return PlaceOrderResult.OrderPaid;
            case OrderState.Closed:
                return PlaceOrderResult.OrderClosed;
        }

        if (!existing.Terms.IsSameOrderAs(terms))
        {
            return PlaceOrderResult.TermsChanged;
        }

        // The same request within 2 h gets the same prepay_id/code_url; after that WeChat issues new ones.
        if (now >= existing.PaymentCodeExpiresAt)
        {
            _byPrepayId.Remove(existing.PrepayId);
            if (existing.CodeUrl is not null)
            {
                _byCodeUrl.Remove(existing.CodeUrl);
            }

            existing.IssuePaymentCodes(now, PaymentCodeLifetime);
            Index(existing);
        }

        return PlaceOrderResult.Placed(existing);
    }

    private void Index(SandboxOrder order)
    {
        _byPrepayId[order.PrepayId] = order;
        if (order.CodeUrl is not null)
        {
            _byCodeUrl[order.CodeUrl] = order;
        }
    }
}
