using Gateway.Sandbox.Notify;
using Gateway.Sandbox.PaysApi.Protocol;

namespace Gateway.Sandbox.PaysApi.Orders;

/// <summary>
/// One sandbox PaysAPI order. The payer and the notify sender touch it from different threads, so its
/// state changes only under its own lock.
/// </summary>
internal sealed class PaysApiOrder(PaysApiOrderTerms terms, DateTimeOffset createdAt)
{
    private readonly Lock _lock = new();
    private readonly List<NotifyAttempt> _notifyAttempts = [];
    private PaysApiPayment? _payment;
    private NotifyStatus _notifyStatus = NotifyStatus.NotSent;

    public PaysApiOrderTerms Terms { get; } = terms;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string PaysApiId { get; } = PaysApiIds.PaysApiId();

    public string QrCode { get; } = PaysApiIds.QrCode(terms.IsType);

    /// <summary>Pays the order with <paramref name="realPrice"/> (wire text); false if it was already paid.</summary>
    public bool TryPay(string realPrice, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_payment is not null)
            {
                return false;
            }

            _payment = new PaysApiPayment(realPrice, now);
            _notifyStatus = NotifyStatus.Pending;
            return true;
        }
    }

    public void RecordNotifyAttempt(NotifyAttempt attempt)
    {
        lock (_lock)
        {
            _notifyAttempts.Add(attempt);
        }
    }

    public void FinishNotify(NotifyStatus status)
    {
        lock (_lock)
        {
            _notifyStatus = status;
        }
    }

    public PaysApiOrderSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new PaysApiOrderSnapshot(Terms, PaysApiId, QrCode, CreatedAt, _payment, _notifyStatus, _notifyAttempts.ToArray());
        }
    }
}

/// <summary>The simulated payment: what the payer actually paid (wire text) and when.</summary>
internal sealed record PaysApiPayment(string RealPrice, DateTimeOffset PaidAt);

/// <summary>A consistent copy of an order, taken under its lock.</summary>
internal sealed record PaysApiOrderSnapshot(
    PaysApiOrderTerms Terms,
    string PaysApiId,
    string QrCode,
    DateTimeOffset CreatedAt,
    PaysApiPayment? Payment,
    NotifyStatus NotifyStatus,
    IReadOnlyList<NotifyAttempt> NotifyAttempts);
