namespace Gateway.Sandbox.PaysApi.Orders;

/// <summary>All sandbox PaysAPI orders, in memory, by (uid, orderid).</summary>
internal sealed class PaysApiOrderBook(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Uid, string OrderId), PaysApiOrder> _orders = [];

    /// <summary>
    /// Places the order, or returns the existing one for a repeated request with the same terms. Null when
    /// the orderid is already paid or was used with other terms.
    /// </summary>
    public PaysApiOrder? Place(PaysApiOrderTerms terms)
    {
        lock (_gate)
        {
            if (_orders.TryGetValue((terms.Uid, terms.OrderId), out var existing))
            {
                return existing.Terms.IsSameOrderAs(terms) && existing.Snapshot().Payment is null ? existing : null;
            }

            var order = new PaysApiOrder(terms, time.GetUtcNow());
            _orders.Add((terms.Uid, terms.OrderId), order);
            return order;
        }
    }

    /// <summary>Every account's order with this orderid (unique only per uid).</summary>
    public IReadOnlyList<PaysApiOrder> FindAll(string orderId, string? uid)
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => o.Terms.OrderId == orderId && (uid is null || o.Terms.Uid == uid)).ToList();
        }
    }
}
