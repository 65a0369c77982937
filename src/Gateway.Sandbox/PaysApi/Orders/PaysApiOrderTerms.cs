namespace Gateway.Sandbox.PaysApi.Orders;

/// <summary>What the merchant asked for; fixed once the order exists. Prices keep their wire text for the notify key.</summary>
internal sealed record PaysApiOrderTerms(
    string Uid,
    string OrderId,
    string OrderUid,
    string GoodsName,
    string IsType,
    string Price,
    long PriceFen,
    Uri NotifyUrl,
    string ReturnUrl)
{
    /// <summary>PaysAPI reuses an order when the same orderid comes back with the same terms (docs/protocols.md §E2).</summary>
    public bool IsSameOrderAs(PaysApiOrderTerms other) => this == other;
}
