using Gateway.Abstractions.Payments;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>A store that forwards to another; tests override what they need to break or watch.</summary>
internal abstract class DelegatingPaymentStore(IPaymentStore inner) : IPaymentStore
{
    /// <summary>The store calls go to.</summary>
    protected virtual IPaymentStore Inner => inner;

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    public virtual Task<bool> TryInsertAsync(PaymentRecord payment, CancellationToken cancellationToken) => Inner.TryInsertAsync(payment, cancellationToken);

    public virtual Task<PaymentRecord?> GetAsync(string id, CancellationToken cancellationToken) => Inner.GetAsync(id, cancellationToken);

    public virtual Task<IReadOnlyList<PaymentRecord>> FindByMerchantOrderIdAsync(string clientId, string merchantOrderId, CancellationToken cancellationToken)
        => Inner.FindByMerchantOrderIdAsync(clientId, merchantOrderId, cancellationToken);

    public virtual Task SetActionAsync(string id, PaymentAction action, string? providerReference, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.SetActionAsync(id, action, providerReference, now, cancellationToken);

    public virtual Task<bool> TryTransitionAsync(PaymentTransition transition, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.TryTransitionAsync(transition, now, cancellationToken);

    public virtual Task<PaymentRecord?> TryTransitionIfOrderAgreesAsync(PaymentTransition transition, ExpectedOrder order, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.TryTransitionIfOrderAgreesAsync(transition, order, now, cancellationToken);

    public virtual Task<IReadOnlyList<PaymentRecord>> ClaimDueForSyncAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
        => Inner.ClaimDueForSyncAsync(owner, now, lease, limit, cancellationToken);

    public virtual Task ScheduleNextSyncAsync(string id, string owner, DateTimeOffset? nextSyncAt, CancellationToken cancellationToken)
        => Inner.ScheduleNextSyncAsync(id, owner, nextSyncAt, cancellationToken);

    public virtual Task<bool> RecordFailureReportAsync(string id, string code, string? message, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.RecordFailureReportAsync(id, code, message, now, cancellationToken);

    public virtual Task<IReadOnlyList<PaymentRecord>> SearchAsync(PaymentSearch search, CancellationToken cancellationToken) => Inner.SearchAsync(search, cancellationToken);

    public virtual Task PingAsync(CancellationToken cancellationToken) => Inner.PingAsync(cancellationToken);
}

/// <summary>Wraps the host's own store registration, whatever its dialect.</summary>
internal static class PaymentStoreDecoration
{
    public static IServiceCollection DecoratePaymentStore(this IServiceCollection services, Func<IPaymentStore, IPaymentStore> decorate)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IPaymentStore));
        services.Remove(registered);
        services.AddSingleton(sp => decorate(registered.ImplementationFactory is { } factory
            ? (IPaymentStore)factory(sp)
            : (IPaymentStore)(registered.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
        return services;
    }
}
