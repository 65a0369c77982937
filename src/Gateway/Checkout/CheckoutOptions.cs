namespace Gateway.Checkout;

/// <summary>The <c>Gateway:Checkout</c> section.</summary>
public sealed class CheckoutOptions
{
    /// <summary>
    /// The HMAC key that signs checkout links (at least 32 characters), the same on every process. Required
    /// outside test mode (<c>ProductionRequirements</c>); test mode generates one at start-up.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>How long after a payment's expiry its checkout link still shows the final view, in seconds.</summary>
    public int LinkGraceSeconds { get; set; } = 3600;

    /// <summary>
    /// How often an open page's status stream reads the store when no change message woke it, in seconds: the
    /// fallback for a lost message (Redis down, a process without Redis beside others).
    /// </summary>
    public int StatusFallbackPollSeconds { get; set; } = 10;
}
