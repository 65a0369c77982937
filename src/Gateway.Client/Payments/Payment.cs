namespace Gateway.Client.Payments;

/// <summary>A payment as the gateway shows it.</summary>
public sealed record Payment
{
    /// <summary>The gateway's id, <c>pay_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="PaymentStatuses"/>; kept as text so a status added later still reads.</summary>
    public required string Status { get; init; }

    /// <summary>The channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The provider instance serving the payment.</summary>
    public required string Provider { get; init; }

    /// <summary>Your order id.</summary>
    public required string MerchantOrderId { get; init; }

    /// <summary>The amount asked, fen.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    public required string Currency { get; init; }

    /// <summary>What is paid for.</summary>
    public required string Description { get; init; }

    /// <summary>The amount received, fen, once paid.</summary>
    public long? PaidAmount { get; init; }

    /// <summary>The provider's transaction id, once paid.</summary>
    public string? ProviderTransactionId { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops being payable.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was paid.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>What the payer must do, while pending.</summary>
    public PaymentAction? Action { get; init; }

    /// <summary>Why it failed, with the provider's code when there is one.</summary>
    public PaymentError? Error { get; init; }

    /// <summary>Why ops must look at it (<c>amount_mismatch</c>, <c>late_payment</c>, <c>double_payment</c>), when it awaits review.</summary>
    public string? ReviewReason { get; init; }

    /// <summary>What the review is about, in words.</summary>
    public string? ReviewDetail { get; init; }

    /// <summary>Your metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the payer must do: show a QR, call the WeChat JS API, post a form or follow a link.</summary>
/// <param name="Type">One of <see cref="PaymentActionTypes"/>.</param>
public sealed record PaymentAction(string Type)
{
    /// <summary>The gateway's payer page for this payment (signed link): send the payer there instead of building one.</summary>
    public string? CheckoutUrl { get; init; }

    /// <summary><c>qr_code</c>: the QR content.</summary>
    public string? CodeUrl { get; init; }

    /// <summary><c>qr_code</c> (and <c>checkout</c>: a QR of the checkout page): a PNG of it, relative to the gateway.</summary>
    public string? QrImageUrl { get; init; }

    /// <summary><c>form_post</c> and <c>redirect</c>: where the browser goes.</summary>
    public string? Url { get; init; }

    /// <summary><c>jsapi</c> and <c>mini_program</c>: the signed parameters for the WeChat call.</summary>
    public IReadOnlyDictionary<string, string>? Params { get; init; }

    /// <summary><c>form_post</c>: the form fields.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }
}

/// <summary>A failure reason.</summary>
/// <param name="Code">The gateway's or provider's code.</param>
/// <param name="Message">A description.</param>
public sealed record PaymentError(string Code, string? Message);

internal sealed record PaymentList(IReadOnlyList<Payment> Data);

/// <summary>Payment states.</summary>
public static class PaymentStatuses
{
    /// <summary>Created, not paid yet.</summary>
    public const string Pending = "pending";

    /// <summary>Paid.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Failed at the provider.</summary>
    public const string Failed = "failed";

    /// <summary>Closed before it was paid.</summary>
    public const string Closed = "closed";

    /// <summary>Passed its expiry unpaid.</summary>
    public const string Expired = "expired";

    /// <summary>Money was received but is held for a person (see <see cref="Payment.ReviewReason"/>).</summary>
    public const string RequiresReview = "requires_review";
}

/// <summary>Payer action types.</summary>
public static class PaymentActionTypes
{
    /// <summary>Show a QR code.</summary>
    public const string QrCode = "qr_code";

    /// <summary>Call <c>getBrandWCPayRequest</c> inside WeChat.</summary>
    public const string Jsapi = "jsapi";

    /// <summary>Call <c>wx.requestPayment</c> in a mini program.</summary>
    public const string MiniProgram = "mini_program";

    /// <summary>Post a form from the browser.</summary>
    public const string FormPost = "form_post";

    /// <summary>Send the browser to a URL.</summary>
    public const string Redirect = "redirect";

    /// <summary>A <c>channel: "any"</c> payment before the payer chose: send the payer to <see cref="PaymentAction.CheckoutUrl"/>.</summary>
    public const string Checkout = "checkout";
}
