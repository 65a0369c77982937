namespace Gateway.PaymentChanges;

/// <summary>
/// In-process wake-ups per payment: an open status stream <see cref="Watch"/>es its payment, and
/// <see cref="Raise"/> wakes every watch of that payment. Nothing is kept for a payment nobody watches.
/// </summary>
internal sealed class PaymentChangeSignal : IPaymentChangePublisher
{
    private readonly Dictionary<string, List<PaymentChangeWatch>> _watches = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Starts watching; watch BEFORE reading the store, so a change between the read and the wait is not missed.</summary>
    public PaymentChangeWatch Watch(string paymentId)
    {
        var watch = new PaymentChangeWatch(this, paymentId);
        lock (_lock)
        {
            if (!_watches.TryGetValue(paymentId, out var list))
            {
                _watches[paymentId] = list = [];
            }

            list.Add(watch);
        }

        return watch;
    }

    /// <summary>
    /// Told of every change raised in this process (its own commits, and with Redis other processes' too), before
    /// the watches wake; for caches of payment state. A handler must be quick and never throw.
    /// </summary>
    public event Action<string>? Changed;

    public void Raise(string paymentId)
    {
        Changed?.Invoke(paymentId);
        PaymentChangeWatch[] woken;
        lock (_lock)
        {
            woken = _watches.TryGetValue(paymentId, out var list) ? [.. list] : [];
        }

        foreach (var watch in woken)
        {
            watch.Set();
        }
    }

    void IPaymentChangePublisher.Publish(string paymentId) => Raise(paymentId);

    /// <summary>How many payments are watched in this process (for tests and diagnostics).</summary>
    public int WatchedPayments
    {
        get
        {
            lock (_lock)
            {
                return _watches.Count;
            }
        }
    }

    internal void Remove(PaymentChangeWatch watch)
    {
        lock (_lock)
        {
            if (_watches.TryGetValue(watch.PaymentId, out var list) && list.Remove(watch) && list.Count == 0)
            {
                _watches.Remove(watch.PaymentId);
            }
        }
    }
}

/// <summary>One watcher of one payment. A change raised while nobody waits is latched for the next wait.</summary>
internal sealed class PaymentChangeWatch : IDisposable
{
    private readonly PaymentChangeSignal _signal;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PaymentChangeWatch(PaymentChangeSignal signal, string paymentId)
    {
        _signal = signal;
        PaymentId = paymentId;
    }

    public string PaymentId { get; }

    internal void Set() => Volatile.Read(ref _changed).TrySetResult();

    /// <summary>
    /// True when the payment changed since the last wait returned (read the store again), false after
    /// <paramref name="timeout"/> without a change.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed);
        try
        {
            await changed.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }

        // Re-arm before the caller reads the store: a change committed after that read wakes the next wait.
        Interlocked.CompareExchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), changed);
        return true;
    }

    public void Dispose() => _signal.Remove(this);
}
