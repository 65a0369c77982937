namespace Gateway.Abstractions.Notify;

/// <summary>
/// The provider-specific half of the notify pipeline: the host stores the raw notify, asks the plugin
/// to verify and parse it, checks it against the stored payment, applies it, and then asks the plugin
/// for the acknowledgement in the provider's own format.
/// </summary>
public interface INotifyHandler
{
    /// <summary>
    /// Verifies the notify's signature and parses it. Returns <see cref="NotifyParseResult.Rejected"/>
    /// for bad signatures or malformed bodies; never throws for them.
    /// </summary>
    ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken);

    /// <summary>The body the provider expects: success stops its retries, failure makes it retry.</summary>
    NotifyAck CreateAck(bool success, string? reason = null);
}

/// <summary>A notify as received.</summary>
/// <param name="Kind">What the route says it is.</param>
/// <param name="Body">The raw body bytes.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Headers">The request headers (first value each).</param>
public sealed record NotifyRequest(NotifyKind Kind, ReadOnlyMemory<byte> Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>Which notify route was called.</summary>
public enum NotifyKind
{
    /// <summary><c>/notify/{instance}</c>.</summary>
    Payment,

    /// <summary><c>/notify/{instance}/refund</c>.</summary>
    Refund,
}

/// <summary>The HTTP answer to a notify.</summary>
public sealed record NotifyAck(int StatusCode, string ContentType, string Body);
