using Gateway.Abstractions.Payments;

namespace Gateway.Abstractions.Hosting;

/// <summary>
/// Read access to the gateway's payments for plugin routes (a return page, a pay page, a login
/// endpoint). Plugins only see payments of their own instances.
/// </summary>
public interface IPaymentDirectory
{
    /// <summary>Finds a payment of <paramref name="instanceName"/> by id, or null.</summary>
    ValueTask<PaymentView?> FindAsync(string instanceName, string paymentId, CancellationToken cancellationToken);
}

/// <summary>A read-only snapshot of a payment, as plugin pages may show it.</summary>
public sealed record PaymentView
{
    /// <summary>The gateway payment id.</summary>
    public required string Id { get; init; }

    /// <summary>The channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The current status.</summary>
    public required PaymentStatus Status { get; init; }

    /// <summary>Amount in fen.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>What is being paid for.</summary>
    public required string Description { get; init; }

    /// <summary>When it stops being payable.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The stored payer action, if the provider order was placed.</summary>
    public PaymentAction? Action { get; init; }
}
