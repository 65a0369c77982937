using Microsoft.Extensions.Options;

namespace Gateway.Payments;

/// <summary>
/// The <c>Gateway:Payments</c> section: what to do with money that arrives for a payment that cannot take it
/// (paid after its close, a second payment of an order, another amount). It is always held in
/// <c>requires_review</c> first, durably, with its webhook.
/// </summary>
public sealed class UnexpectedPaymentOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Gateway:Payments";

    /// <summary>Hold it for a person (the default).</summary>
    public const string Review = nameof(Review);

    /// <summary>Also refund it at once where the provider can.</summary>
    public const string Refund = nameof(Refund);

    /// <summary><c>Review</c> (default) or <c>Refund</c>.</summary>
    public string OnUnexpectedPayment { get; set; } = Review;

    internal bool RefundsAtOnce => string.Equals(OnUnexpectedPayment, Refund, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Checks <see cref="UnexpectedPaymentOptions"/> at start-up: a known policy, and <c>Refund</c> only when something can refund.</summary>
internal sealed class UnexpectedPaymentOptionsValidator(IServiceProvider services) : IValidateOptions<UnexpectedPaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, UnexpectedPaymentOptions options)
    {
        if (!string.Equals(options.OnUnexpectedPayment, UnexpectedPaymentOptions.Review, StringComparison.OrdinalIgnoreCase) && !options.RefundsAtOnce)
        {
            return ValidateOptionsResult.Fail($"{UnexpectedPaymentOptions.SectionName}:OnUnexpectedPayment must be 'Review' or 'Refund', not '{options.OnUnexpectedPayment}'.");
        }

        return options.RefundsAtOnce && services.GetService<IUnexpectedPaymentRefunder>() is null
            ? ValidateOptionsResult.Fail($"{UnexpectedPaymentOptions.SectionName}:OnUnexpectedPayment=Refund needs the refund API, which this build does not register; use 'Review'.")
            : ValidateOptionsResult.Success;
    }
}
