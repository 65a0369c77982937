using Gateway.Abstractions.Payments;
using Gateway.Checkout;
using Gateway.Store;

namespace Gateway.Payments;

/// <summary>A payment as the API shows it.</summary>
public sealed record PaymentResponse
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string Channel { get; init; }

    /// <summary>The provider instance serving this payment.</summary>
    public required string Provider { get; init; }
    public required string MerchantOrderId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required string Description { get; init; }
    public long? PaidAmount { get; init; }
    public string? ProviderTransactionId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public ActionResponse? Action { get; init; }
    public ErrorResponse? Error { get; init; }

    /// <summary>Why the money is held (<c>amount_mismatch</c>, <c>late_payment</c>, <c>double_payment</c>), kept after review.</summary>
    public string? ReviewReason { get; init; }
    public string? ReviewDetail { get; init; }

    /// <summary>The refund giving back money held in review (at once under OnUnexpectedPayment=Refund, or by ops).</summary>
    public ReviewRefundResponse? ReviewRefund { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Where the checkout page sends the payer after success.</summary>
    public string? ReturnUrl { get; init; }

    /// <param name="p">The stored payment.</param>
    /// <param name="checkout">Adds the payer's <c>checkoutUrl</c> to a pending payment's action (the API, not webhooks or admin views).</param>
    internal static PaymentResponse From(PaymentRecord p, CheckoutLinks? checkout = null) => new()
    {
        Id = p.Id,
        Status = p.Status.ToName(),
        Channel = p.Channel,
        Provider = p.ProviderInstance,
        MerchantOrderId = p.MerchantOrderId,
        Amount = p.Amount,
        Currency = p.Currency,
        Description = p.Description,
        PaidAmount = p.PaidAmount,
        ProviderTransactionId = p.ProviderTransactionId,
        CreatedAt = p.CreatedAt,
        ExpiresAt = p.ExpiresAt,
        PaidAt = p.PaidAt,
        Action = p.Status != PaymentStatus.Pending ? null
            : p.Action is not null ? ActionResponse.From(p.Id, p.Action) with { CheckoutUrl = checkout?.UrlFor(p) }
            : p.RequestedChannel is not null && checkout is not null ? ActionResponse.Checkout(p, checkout) : null,
        ReturnUrl = p.ReturnUrl,
        Error = p.ErrorCode is null ? null : new ErrorResponse(p.ErrorCode, p.ErrorMessage),
        ReviewReason = p.ReviewReason,
        ReviewDetail = p.ReviewDetail,
        ReviewRefund = p.ReviewRefundId is null ? null : new ReviewRefundResponse(p.ReviewRefundId),
        Metadata = p.Metadata,
    };
}

/// <summary>Names the refund of a payment held in review.</summary>
public sealed record ReviewRefundResponse(string RefundId);

/// <summary>What the payer must do; see <see cref="PaymentActionTypes"/>.</summary>
public sealed record ActionResponse(string Type)
{
    /// <summary>The payer-facing page for this payment (signed link, valid until shortly after expiry).</summary>
    public string? CheckoutUrl { get; init; }
    public string? CodeUrl { get; init; }
    public string? QrImageUrl { get; init; }
    public string? Url { get; init; }
    public IReadOnlyDictionary<string, string>? Params { get; init; }
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>An aggregated checkout before the payer's choice: the page, and a QR of it to show or print.</summary>
    internal static ActionResponse Checkout(PaymentRecord p, CheckoutLinks checkout)
        => new(CheckoutChoices.CheckoutActionType) { CheckoutUrl = checkout.UrlFor(p), QrImageUrl = checkout.PathFor(p, "/qr.png") };

    internal static ActionResponse From(string paymentId, PaymentAction action) => action.Type switch
    {
        PaymentActionTypes.QrCode => new(action.Type) { CodeUrl = action.CodeUrl, QrImageUrl = $"/v1/payments/{paymentId}/qr.png" },
        PaymentActionTypes.FormPost => new(action.Type) { Url = action.Url, Fields = action.Parameters },
        PaymentActionTypes.Redirect => new(action.Type) { Url = action.Url },
        _ => new(action.Type) { Params = action.Parameters, Url = action.Url },
    };
}

/// <summary>Why a payment failed, with the provider's own code.</summary>
public sealed record ErrorResponse(string Code, string? Message);

/// <summary>A list of payments.</summary>
public sealed record PaymentList(IReadOnlyList<PaymentResponse> Data);
