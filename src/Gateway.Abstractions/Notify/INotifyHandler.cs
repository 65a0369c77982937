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

    /// <summary>
    /// The answer for what the host made of the notify (contract 1.4). A provider that answers kinds of failure
    /// differently (WeChat APIv3: 4xx for a notify refused for what it is, 5xx for a failure on our side) decides from
    /// <paramref name="outcome"/>; <paramref name="reason"/> is only the text to show. By default, the answer of
    /// <see cref="CreateAck(bool, string?)"/>.
    /// </summary>
    NotifyAck CreateAck(NotifyAckOutcome outcome, string? reason) => CreateAck(outcome == NotifyAckOutcome.Received, reason);
}

/// <summary>What the host made of a notify, for the acknowledgement (contract 1.4).</summary>
public enum NotifyAckOutcome
{
    /// <summary>Applied, or already applied: the provider may stop sending it.</summary>
    Received,

    /// <summary>Refused for what it is (bad signature, malformed, unsupported): the same bytes would be refused again.</summary>
    Refused,

    /// <summary>Trusted, but it names an order or refund the host does not know, or disagrees with it: nothing changed.</summary>
    NotApplied,

    /// <summary>Not applied because of a passing condition (storage outage, a copy still being applied): a resend may succeed.</summary>
    Retry,
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
