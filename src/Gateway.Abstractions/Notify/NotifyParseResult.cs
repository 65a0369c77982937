using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;

namespace Gateway.Abstractions.Notify;

/// <summary>What a plugin made of a notify.</summary>
public abstract record NotifyParseResult
{
    private NotifyParseResult()
    {
    }

    /// <summary>The notify is not to be trusted or cannot be read. Nothing changes; the provider is told FAIL.</summary>
    /// <param name="Reason">A short, secret-free reason (logged and used in the FAIL answer).</param>
    /// <param name="Code">A stable code: <c>bad_signature</c>, <c>malformed</c>, <c>unsupported</c>.</param>
    public sealed record Rejected(string Code, string Reason) : NotifyParseResult;

    /// <summary>A verified payment result.</summary>
    public sealed record Payment(PaymentNotification Notification) : NotifyParseResult;

    /// <summary>A trusted refund result (contract 1.2).</summary>
    public sealed record Refund(RefundNotification Notification) : NotifyParseResult;
}

/// <summary>The stable codes of <see cref="NotifyParseResult.Rejected"/>.</summary>
public static class NotifyRejections
{
    /// <summary>The signature did not verify.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>The body could not be parsed or lacks required fields.</summary>
    public const string Malformed = "malformed";

    /// <summary>The notify is of a kind the plugin does not handle.</summary>
    public const string Unsupported = "unsupported";
}

/// <summary>A verified payment notify, normalised.</summary>
public sealed record PaymentNotification
{
    /// <summary>The gateway payment id the provider echoes back (WeChat out_trade_no, PaysAPI orderid).</summary>
    public required string PaymentId { get; init; }

    /// <summary>The provider's transaction id; with the instance, the notify's dedupe key.</summary>
    public required string ProviderTransactionId { get; init; }

    /// <summary>The outcome the provider reports.</summary>
    public required PaymentStatus Status { get; init; }

    /// <summary>The order amount the provider reports, in fen; must equal the stored amount.</summary>
    public required long Amount { get; init; }

    /// <summary>The amount actually paid, in fen (PaysAPI realprice); defaults to <see cref="Amount"/>.</summary>
    public long? PaidAmount { get; init; }

    /// <summary>The currency the provider reports.</summary>
    public required string Currency { get; init; }

    /// <summary>The app id in the notify, checked against the instance's account.</summary>
    public string? AppId { get; init; }

    /// <summary>The merchant id in the notify, checked against the instance's account.</summary>
    public string? MerchantId { get; init; }

    /// <summary>When the provider says it was paid.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>
    /// Set when the plugin believes the payment needs a person to look at it before it counts as paid
    /// (e.g. a personal-QR realprice below the tolerance). The host then holds the payment in
    /// <see cref="PaymentStatus.RequiresReview"/> with this text as the detail instead of counting it as paid.
    /// </summary>
    public string? ReviewReason { get; init; }

    /// <summary>The provider's error code when <see cref="Status"/> is a failure (WeChat err_code); recorded, never terminal.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's description of that error (WeChat err_code_des).</summary>
    public string? ErrorMessage { get; init; }
}
