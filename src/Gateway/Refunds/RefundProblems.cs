using Gateway.Errors;
using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>The refund API's problems, each with a stable code.</summary>
internal static class RefundProblems
{
    public const string RefundExceedsPaid = "refund_exceeds_paid";
    public const string RefundsNotSupported = "refunds_not_supported";
    public const string RefundsUnavailable = "refunds_unavailable";
    public const string DuplicateMerchantRefund = "duplicate_merchant_refund";

    public static IResult NotFound(string id) => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such refund.", $"No refund '{id}' for this client.");

    public static IResult NotSupported(string instance) => GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, RefundsNotSupported,
        "The payment's provider has no refund API.", $"Instance '{instance}' cannot refund; record a refund made by hand with POST /admin/payments/{{id}}/offline-refunds.",
        new Dictionary<string, object?> { ["instance"] = instance });

    public static IResult Unavailable(string instance, string reason) => GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, RefundsUnavailable,
        "Refunds are disabled on the payment's provider instance.", $"Instance '{instance}': {reason}", new Dictionary<string, object?> { ["instance"] = instance });

    public static IResult Exceeds(long remaining) => GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, RefundExceedsPaid,
        "The refund amount is not available.", $"The amount must be between 1 and what remains refundable ({remaining} fen).",
        new Dictionary<string, object?> { ["remaining"] = remaining });

    public static IResult InvalidState(Abstractions.Payments.PaymentStatus status) => GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState,
        "The payment cannot be refunded.", $"The payment is {status.ToName()}; only a paid payment (succeeded, partially refunded) can be refunded.",
        new Dictionary<string, object?> { ["paymentStatus"] = status.ToName() });

    public static IResult Duplicate(RefundRecord existing) => GatewayProblems.Problem(StatusCodes.Status409Conflict, DuplicateMerchantRefund,
        "The merchantRefundId is already used with other terms.", $"Refund '{existing.Id}' has this merchantRefundId.",
        new Dictionary<string, object?> { ["refundId"] = existing.Id });
}
