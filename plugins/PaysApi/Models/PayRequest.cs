namespace Gateway.Plugins.PaysApi.Models;

/// <summary>
/// The pay request fields, named as PaysAPI names them; sent as a browser form or as the server's
/// <c>?format=json</c> form body. REF: docs/protocols.md §E2.
/// </summary>
internal sealed record PayRequest
{
    /// <summary><c>uid</c>: the merchant, string(24).</summary>
    public required string Uid { get; init; }

    /// <summary><c>price</c>: yuan with two decimals, exactly as signed.</summary>
    public required string Price { get; init; }

    /// <summary><c>istype</c>: 1 Alipay, 2 WeChat Pay.</summary>
    public required string IsType { get; init; }

    /// <summary><c>notify_url</c>: not URL-encoded by us; the form encoding is the transport's.</summary>
    public required string NotifyUrl { get; init; }

    /// <summary><c>return_url</c>: where the browser lands after paying.</summary>
    public required string ReturnUrl { get; init; }

    /// <summary><c>orderid</c>: the gateway payment id.</summary>
    public required string OrderId { get; init; }

    /// <summary><c>orderuid</c>: optional, shown in PaysAPI's dashboard; never a secret.</summary>
    public string OrderUid { get; init; } = "";

    /// <summary><c>goodsname</c>: optional product name.</summary>
    public string GoodsName { get; init; } = "";

    /// <summary>The fields to send, with <c>key</c> computed from <paramref name="token"/>; the token itself is not among them.</summary>
    public IReadOnlyDictionary<string, string> ToSignedFields(string token) => new Dictionary<string, string>
    {
        ["uid"] = Uid,
        ["price"] = Price,
        ["istype"] = IsType,
        ["notify_url"] = NotifyUrl,
        ["return_url"] = ReturnUrl,
        ["orderid"] = OrderId,
        ["orderuid"] = OrderUid,
        ["goodsname"] = GoodsName,
        ["key"] = PaysApiSigner.PayKey(this, token),
    };
}
