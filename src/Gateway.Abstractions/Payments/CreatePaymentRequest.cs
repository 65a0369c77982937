namespace Gateway.Abstractions.Payments;

/// <summary>A payment the host has already stored as pending and now asks the provider to place.</summary>
public sealed record CreatePaymentRequest
{
    /// <summary>The gateway's payment id; plugins send it as the provider's merchant order number (≤ 32 chars, [A-Za-z0-9_]).</summary>
    public required string PaymentId { get; init; }

    /// <summary>The requested channel, e.g. <c>wechat.native</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The calling service's own order id (informational for the provider).</summary>
    public required string MerchantOrderId { get; init; }

    /// <summary>Amount in the smallest currency unit (fen).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 code, e.g. <c>CNY</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>What is being paid for, shown to the payer.</summary>
    public required string Description { get; init; }

    /// <summary>The payer's IP address as seen by the calling service.</summary>
    public required string ClientIp { get; init; }

    /// <summary>The payer's openid under the instance's app id, for channels that need it.</summary>
    public string? PayerOpenId { get; init; }

    /// <summary>
    /// An opaque session token from the instance's own login route (the mini-program login), for channels that
    /// accept one instead of <see cref="PayerOpenId"/>; the plugin resolves it to the openid. Added in 1.1.
    /// </summary>
    public string? PayerSessionToken { get; init; }

    /// <summary>A product id, for channels that need one (WeChat NATIVE).</summary>
    public string? ProductId { get; init; }

    /// <summary>When the payment was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the payment stops being payable.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Free-form metadata of the calling service.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the provider answered to a placed order.</summary>
/// <param name="Action">What the payer must do next.</param>
/// <param name="ProviderReference">The provider's reference for the pending order (e.g. WeChat's prepay_id), if any.</param>
public sealed record CreatePaymentResult(PaymentAction Action, string? ProviderReference = null);
