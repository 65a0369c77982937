namespace Gateway.Client.ProductCodes;

/// <summary>The body of <c>POST /v1/product-codes</c>.</summary>
public sealed record CreateProductCodeRequest
{
    /// <summary>The channel; <c>wechat.native</c> instances offer product codes.</summary>
    public required string Channel { get; init; }

    /// <summary>Your product id: 1–32 of <c>[A-Za-z0-9_-]</c>, unique per client.</summary>
    public required string ProductId { get; init; }

    /// <summary>The fixed price, fen.</summary>
    public required long Amount { get; init; }

    /// <summary>Shown to the payer.</summary>
    public required string Description { get; init; }

    /// <summary>Your webhook for the payments made from this code.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>String pairs copied onto every payment from it.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>A product code: one QR that becomes a new payment at each scan.</summary>
public sealed record ProductCode
{
    /// <summary>The gateway's id, <c>pc_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Your product id.</summary>
    public required string ProductId { get; init; }

    /// <summary>The channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The provider instance that signed it.</summary>
    public required string Provider { get; init; }

    /// <summary>The price, fen.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    public required string Currency { get; init; }

    /// <summary>What is sold.</summary>
    public required string Description { get; init; }

    /// <summary><c>active</c> or <c>disabled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The QR content (<c>weixin://wxpay/bizpayurl?sign=…</c>).</summary>
    public required string CodeUrl { get; init; }

    /// <summary>A PNG of it, relative to the gateway.</summary>
    public required string QrImageUrl { get; init; }

    /// <summary>Your webhook, if given.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>Your metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
