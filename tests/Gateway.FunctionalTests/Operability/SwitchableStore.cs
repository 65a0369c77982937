using Gateway.Abstractions.Payments;
using Gateway.Store;

namespace Gateway.FunctionalTests.Operability;

/// <summary>The real store, except that every call fails while <see cref="Broken"/> is set (the database went away).</summary>
internal sealed class SwitchableStore(IPaymentStore inner) : IPaymentStore
{
    public volatile bool Broken;

    private IPaymentStore Store => Broken ? throw new InvalidOperationException("The database is unreachable (test).") : inner;

    public Task InitializeAsync(CancellationToken cancellationToken) => Store.InitializeAsync(cancellationToken);

    public Task<bool> TryInsertAsync(PaymentRecord payment, CancellationToken cancellationToken) => Store.TryInsertAsync(payment, cancellationToken);

    public Task<PaymentRecord?> GetAsync(string id, CancellationToken cancellationToken) => Store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<PaymentRecord>> FindByMerchantOrderIdAsync(string clientId, string merchantOrderId, CancellationToken cancellationToken)
        => Store.FindByMerchantOrderIdAsync(clientId, merchantOrderId, cancellationToken);

    public Task SetActionAsync(string id, PaymentAction action, string? providerReference, DateTimeOffset now, CancellationToken cancellationToken)
        => Store.SetActionAsync(id, action, providerReference, now, cancellationToken);

    public Task<bool> TryTransitionAsync(PaymentTransition transition, DateTimeOffset now, CancellationToken cancellationToken)
        => Store.TryTransitionAsync(transition, now, cancellationToken);

    public Task FlagForReviewAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken)
        => Store.FlagForReviewAsync(id, reason, now, cancellationToken);

    public Task<IReadOnlyList<PaymentRecord>> SearchAsync(PaymentSearch search, CancellationToken cancellationToken) => Store.SearchAsync(search, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => Store.PingAsync(cancellationToken);
}
