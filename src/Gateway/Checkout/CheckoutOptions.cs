namespace Gateway.Checkout;

/// <summary>The <c>Gateway:Checkout</c> section.</summary>
public sealed class CheckoutOptions
{
    /// <summary>
    /// The HMAC key that signs checkout links (at least 32 characters). Unset, a random key is generated at
    /// start-up: links then stop working on a restart and on other gateway processes, so set it when more
    /// than one process serves the public URL.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>How long after a payment's expiry its checkout link still shows the final view, in seconds.</summary>
    public int LinkGraceSeconds { get; set; } = 3600;
}
