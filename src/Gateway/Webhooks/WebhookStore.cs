using System.Data.Common;
using Gateway.Store;

namespace Gateway.Webhooks;

/// <summary>The outbox: claims due events with a lease, records attempts and outcomes.</summary>
internal sealed class WebhookStore
{
    private const string Columns = "id, payment_id, client_id, type, url, payload, status, attempts, next_attempt_at, last_error, created_at, delivered_at, trace_parent";
    private readonly StoreDialect _dialect;

    public WebhookStore(StoreDialect dialect)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
    }

    /// <summary>Leases due events for <paramref name="owner"/>; another process skips them until the lease ends.</summary>
    public Task<List<WebhookEvent>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"""
            UPDATE webhook_events SET lease_owner = @owner, lease_until = @until
            WHERE id IN (
                SELECT id FROM webhook_events
                WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY next_attempt_at LIMIT @limit {_dialect.SkipLocked})
            RETURNING {Columns}
            """,
            c => c.Add("owner", owner).Add("until", now + lease).Add("now", now).Add("limit", limit),
            cancellationToken);

    /// <summary>Records one attempt and its outcome; only the lease holder may.</summary>
    public async Task RecordAttemptAsync(WebhookEvent webhook, string owner, WebhookAttempt attempt, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var delivered = attempt.StatusCode is >= 200 and < 300;
        var status = delivered ? WebhookEventStatus.Delivered : retryAt is null ? WebhookEventStatus.Failed : WebhookEventStatus.Pending;
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO webhook_attempts (id, event_id, attempted_at, status_code, error, duration_ms) VALUES (@id, @event_id, @at, @code, @error, @ms)";
            insert.Add("id", Guid.NewGuid().ToString("N")).Add("event_id", attempt.EventId).Add("at", attempt.AttemptedAt)
                .Add("code", attempt.StatusCode).Add("error", attempt.Error).Add("ms", attempt.DurationMs);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE webhook_events SET status = @status, attempts = attempts + 1, last_error = @error, lease_owner = NULL, lease_until = NULL,
                    next_attempt_at = COALESCE(@retry_at, next_attempt_at), delivered_at = @delivered_at
                WHERE id = @id AND lease_owner = @owner
                """;
            update.Add("status", status).Add("error", delivered ? null : attempt.Error ?? $"HTTP {attempt.StatusCode}")
                .Add("retry_at", retryAt).Add("delivered_at", delivered ? attempt.AttemptedAt : null).Add("id", webhook.Id).Add("owner", owner);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Events, newest first, optionally of one payment or status.</summary>
    public Task<List<WebhookEvent>> ListAsync(string? paymentId, string? status, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"""
            SELECT {Columns} FROM webhook_events
            WHERE (@payment_id = '' OR payment_id = @payment_id) AND (@status = '' OR status = @status)
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """,
            c => c.Add("payment_id", paymentId ?? "").Add("status", status ?? "").Add("limit", limit),
            cancellationToken);

    /// <summary>One event by id, or null.</summary>
    public async Task<WebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {Columns} FROM webhook_events WHERE id = @id", c => c.Add("id", eventId), cancellationToken)).SingleOrDefault();

    /// <summary>The attempts of one event, oldest first.</summary>
    public async Task<List<WebhookAttempt>> AttemptsAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, attempted_at, status_code, error, duration_ms FROM webhook_attempts WHERE event_id = @id ORDER BY attempted_at";
        command.Add("id", eventId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var attempts = new List<WebhookAttempt>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new WebhookAttempt(reader.GetString(0), reader.Time(1), reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.NullableString(3), reader.GetInt64(4)));
        }

        return attempts;
    }

    /// <summary>Makes an event due again now (ops re-send), whatever its state.</summary>
    public async Task<bool> ResendAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE webhook_events SET status = 'pending', next_attempt_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id";
        command.Add("now", now).Add("id", eventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<List<WebhookEvent>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<WebhookEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new WebhookEvent
            {
                Id = reader.GetString(0),
                PaymentId = reader.GetString(1),
                ClientId = reader.GetString(2),
                Type = reader.GetString(3),
                Url = reader.GetString(4),
                Payload = reader.GetString(5),
                Status = reader.GetString(6),
                Attempts = Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                NextAttemptAt = reader.Time(8),
                LastError = reader.NullableString(9),
                CreatedAt = reader.Time(10),
                DeliveredAt = reader.IsDBNull(11) ? null : reader.Time(11),
                TraceParent = reader.NullableString(12),
            });
        }

        return events;
    }
}
