using Gateway.Abstractions.Payments;

namespace Gateway.Store;

/// <summary>Where payments live. Every write is parameterised and every state change conditional.</summary>
internal interface IPaymentStore
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a new payment; false when the client already has a live payment with that merchant order id.</summary>
    Task<bool> TryInsertAsync(PaymentRecord payment, CancellationToken cancellationToken);

    /// <summary>Finds a payment by id.</summary>
    Task<PaymentRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds a client's payments by its merchant order id, newest first.</summary>
    Task<IReadOnlyList<PaymentRecord>> FindByMerchantOrderIdAsync(string clientId, string merchantOrderId, CancellationToken cancellationToken);

    /// <summary>Records what the provider answered to the create (the payer action and provider reference).</summary>
    Task SetActionAsync(string id, PaymentAction action, string? providerReference, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="transition"/> if the payment is still in one of its source states, and in the
    /// same database transaction writes the webhook event it names (transactional outbox).
    /// </summary>
    Task<bool> TryTransitionAsync(PaymentTransition transition, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryTransitionAsync"/> with the order check in the same statement: applied only while the stored
    /// order also agrees with <paramref name="order"/>, so nothing is read first. The payment as updated, or null
    /// when its status or any compared field differs (nothing changed: read it and decide).
    /// </summary>
    Task<PaymentRecord?> TryTransitionIfOrderAgreesAsync(PaymentTransition transition, ExpectedOrder order, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> pending payments whose next sync is due, so that exactly one
    /// gateway process syncs each.
    /// </summary>
    Task<IReadOnlyList<PaymentRecord>> ClaimDueForSyncAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Releases a sync lease and sets when to ask the provider next (null: no more syncs).</summary>
    Task ScheduleNextSyncAsync(string id, string owner, DateTimeOffset? nextSyncAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records a provider's failure report on a pending payment without ending it (the payer may still pay;
    /// expiry ends it). Leaves the sync lease alone. False when the payment is no longer pending.
    /// </summary>
    Task<bool> RecordFailureReportAsync(string id, string code, string? message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Searches all clients' payments, newest first (the admin API).</summary>
    Task<IReadOnlyList<PaymentRecord>> SearchAsync(PaymentSearch search, CancellationToken cancellationToken);

    /// <summary>Runs a trivial query against the payments table; throws when the store cannot answer (readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
