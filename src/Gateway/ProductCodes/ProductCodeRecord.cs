namespace Gateway.ProductCodes;

/// <summary>A stored product code (WeChat Native "mode 1"): a long-lived QR for one product at a fixed price.</summary>
internal sealed record ProductCodeRecord
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    /// <summary>The client's product id, also the <c>product_id</c> in the link and in the provider's scan callback.</summary>
    public required string ProductId { get; init; }

    public required string Channel { get; init; }

    /// <summary>The instance that signed the link; its scan callback is the only one that serves this code.</summary>
    public required string ProviderInstance { get; init; }

    /// <summary>The price of each payment, in fen.</summary>
    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string Description { get; init; }

    public string? NotifyUrl { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The signed QR content.</summary>
    public required string CodeUrl { get; init; }

    /// <summary><see cref="ProductCodeStatuses.Active"/> or <see cref="ProductCodeStatuses.Disabled"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The states of a product code.</summary>
internal static class ProductCodeStatuses
{
    public const string Active = "active";

    /// <summary>Scans are answered with a FAIL reply; the product id stays taken.</summary>
    public const string Disabled = "disabled";
}
