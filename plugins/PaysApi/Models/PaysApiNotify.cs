namespace Gateway.Plugins.PaysApi.Models;

/// <summary>The notify PaysAPI form-posts to <c>notify_url</c>, fields as received. REF: docs/protocols.md §E4.</summary>
internal sealed record PaysApiNotify
{
    /// <summary><c>paysapi_id</c>: PaysAPI's own order id.</summary>
    public required string PaysApiId { get; init; }

    /// <summary><c>orderid</c>: the gateway payment id we sent.</summary>
    public required string OrderId { get; init; }

    /// <summary><c>price</c>: the requested price, yuan text.</summary>
    public required string Price { get; init; }

    /// <summary><c>realprice</c>: what the payer actually paid, yuan text.</summary>
    public required string RealPrice { get; init; }

    /// <summary><c>orderuid</c>: echoed back; may be empty.</summary>
    public string OrderUid { get; init; } = "";

    /// <summary><c>key</c>: md5(orderid + orderuid + paysapi_id + price + realprice + token).</summary>
    public required string Key { get; init; }
}
