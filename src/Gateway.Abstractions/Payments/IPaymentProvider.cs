namespace Gateway.Abstractions.Payments;

/// <summary>
/// The payment operations of a provider instance. Provider-side refusals come back as failed
/// <see cref="ProviderResult{T}"/> values carrying the provider's own code; exceptions are for bugs and
/// misconfiguration. Transport failures and timeouts may throw <see cref="HttpRequestException"/> or
/// <see cref="OperationCanceledException"/>; the host treats both as transient.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>
    /// Checks a request before anything is stored or sent (e.g. a channel that needs an openid), so bad
    /// input is refused without changing state. Returns null when the request can be placed.
    /// </summary>
    ProviderError? Validate(CreatePaymentRequest request) => null;

    /// <summary>Places the order with the provider and returns the action for the payer.</summary>
    Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the provider for the current state of a payment.</summary>
    Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid payment at the provider.</summary>
    Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken);

    /// <summary>Asks the provider to refund (part of) a paid payment.</summary>
    Task<ProviderResult<RefundResult>> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<RefundResult>.NotSupported("refund"));
}
