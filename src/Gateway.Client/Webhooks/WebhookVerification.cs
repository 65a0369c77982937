namespace Gateway.Client.Webhooks;

/// <summary>The outcome of <see cref="WebhookVerifier.Verify"/>.</summary>
public enum WebhookVerification
{
    /// <summary>Signed by one of your secrets, recently.</summary>
    Valid,

    /// <summary>No header, or no <c>t</c> and <c>v1</c> in it (or an unreadable body).</summary>
    Malformed,

    /// <summary><c>t</c> is outside the tolerance: an old or replayed request, or a wrong clock.</summary>
    Expired,

    /// <summary>No <c>v1</c> matches any of your secrets.</summary>
    SignatureMismatch,
}

/// <summary>A webhook that failed verification; answer it 400 and do nothing.</summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Creates the exception for <paramref name="result"/>.</summary>
    public WebhookVerificationException(WebhookVerification result)
        : base($"The webhook failed verification: {result}.")
    {
        Result = result;
    }

    /// <summary>Why it failed.</summary>
    public WebhookVerification Result { get; }
}
