namespace Gateway.Webhooks;

/// <summary>An outbox row: one event for one merchant webhook URL, delivered until acknowledged.</summary>
internal sealed record WebhookEvent
{
    public required string Id { get; init; }
    public required string PaymentId { get; init; }
    public required string ClientId { get; init; }
    public required string Type { get; init; }
    public required string Url { get; init; }

    /// <summary>The exact JSON body sent (and signed) on every attempt.</summary>
    public required string Payload { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (retries exhausted).</summary>
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The payment's create span, so each delivery span links back to it.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>One delivery attempt, kept for ops.</summary>
internal sealed record WebhookAttempt(string EventId, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, long DurationMs);
