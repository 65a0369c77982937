namespace Gateway.ProductCodes;

/// <summary>A product code as the API shows it.</summary>
public sealed record ProductCodeResponse
{
    /// <summary>The gateway's id, <c>pc_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The client's product id.</summary>
    public required string ProductId { get; init; }

    /// <summary>The channel, <c>wechat.native</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The provider instance whose account signed the link.</summary>
    public required string Provider { get; init; }

    /// <summary>The price of each payment, in fen.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>What is being paid for.</summary>
    public required string Description { get; init; }

    /// <summary><c>active</c> or <c>disabled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The signed QR content, <c>weixin://wxpay/bizpayurl?sign=…</c>.</summary>
    public required string CodeUrl { get; init; }

    /// <summary>The QR code as a PNG (no API key needed).</summary>
    public required string QrImageUrl { get; init; }

    /// <summary>The caller's webhook for payments made from this code.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>The caller's metadata.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    internal static ProductCodeResponse From(ProductCodeRecord code) => new()
    {
        Id = code.Id,
        ProductId = code.ProductId,
        Channel = code.Channel,
        Provider = code.ProviderInstance,
        Amount = code.Amount,
        Currency = code.Currency,
        Description = code.Description,
        Status = code.Status,
        CodeUrl = code.CodeUrl,
        QrImageUrl = $"/v1/product-codes/{code.Id}/qr.png",
        NotifyUrl = code.NotifyUrl,
        Metadata = code.Metadata,
        CreatedAt = code.CreatedAt,
        UpdatedAt = code.UpdatedAt,
    };
}
