namespace Gateway.Idempotency;

/// <summary>Records of <c>Idempotency-Key</c> requests: in flight, or done with the first response.</summary>
internal interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>, or reports what holds it.</summary>
    Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, TimeSpan inFlightLease, CancellationToken cancellationToken);

    /// <summary>Stores the first response for replay.</summary>
    Task CompleteAsync(string key, IdempotencyRecord record, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Forgets the key (the request was not worth storing, e.g. it failed validation).</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A stored key: the request's fingerprint, and once done, the first response.</summary>
internal sealed record IdempotencyRecord(string Fingerprint, bool Done, int StatusCode = 0, string? ContentType = null, string? Location = null, byte[]? Body = null);

/// <summary>What a claim found: null <see cref="Existing"/> means this request now owns the key.</summary>
internal sealed record IdempotencyClaim(IdempotencyRecord? Existing);
