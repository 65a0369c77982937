namespace Gateway.Notify;

/// <summary>
/// Makes notify handling exactly-once across gateway processes: a short "processing" lease while one
/// process applies a notify, then "done" (with the notify's fingerprint) kept longer than the providers' retry window.
/// </summary>
internal interface INotifyDeduplicator
{
    /// <summary>
    /// True when <paramref name="entry"/>'s key is done with exactly its fingerprint: an identical copy already
    /// passed every check and was applied. Takes no lease. Throws when the backing store is unreachable.
    /// </summary>
    Task<bool> IsDoneAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken);

    /// <summary>Tries to take the lease for <paramref name="entry"/>'s key. Throws when the backing store is unreachable.</summary>
    Task<DedupeResult> TryBeginAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken);
}

/// <summary>What <see cref="INotifyDeduplicator.TryBeginAsync"/> found.</summary>
internal enum DedupeState
{
    /// <summary>This caller holds the processing lease.</summary>
    Began,

    /// <summary>Already applied: acknowledge at once.</summary>
    Done,

    /// <summary>Another caller is applying it now: answer so the provider retries later.</summary>
    InProgress,
}

/// <summary>The state, and the lease when <see cref="DedupeState.Began"/>.</summary>
internal sealed record DedupeResult(DedupeState State, INotifyLease? Lease);

/// <summary>
/// A processing lease: complete it once the outcome is durable (it then stores "done" with the entry's
/// fingerprint), or release it so a retry can run.
/// </summary>
internal interface INotifyLease
{
    Task CompleteAsync(CancellationToken cancellationToken);

    Task ReleaseAsync(CancellationToken cancellationToken);
}
