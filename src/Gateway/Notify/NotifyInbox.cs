using System.Data.Common;
using System.Text.Json;
using Gateway.Store;

namespace Gateway.Notify;

/// <summary>
/// Every verified notify's raw bytes and headers with its outcome, so one refused for a configuration mistake
/// can be re-driven by ops once it is fixed. Notifies that fail verification are not kept here (their bodies
/// are anyone's): <see cref="NotifyRejectionLog"/> keeps a capped sample of them.
/// </summary>
internal sealed class NotifyInbox
{
    private const string Columns = "id, instance, kind, received_at, content_type, headers, body, outcome, payment_id, processed_at";
    private readonly StoreDialect _dialect;

    public NotifyInbox(StoreDialect dialect)
    {
        _dialect = dialect;
    }

    /// <summary>Writes one row (a notify whose outcome needs no transition, or a failed one kept for re-drive).</summary>
    public Task AddAsync(NotifyInboxRow row, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(NotifyInboxRow.Insert, row.Bind, cancellationToken);

    public Task SetOutcomeAsync(string id, string outcome, string? paymentId, DateTimeOffset now, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(
            "UPDATE notify_inbox SET outcome = @outcome, payment_id = COALESCE(@payment_id, payment_id), processed_at = @now WHERE id = @id",
            c => c.Add("outcome", outcome).Add("payment_id", paymentId).Add("now", now).Add("id", id),
            cancellationToken);

    public async Task<NotifyInboxEntry?> GetAsync(string id, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {Columns} FROM notify_inbox WHERE id = @id", c => c.Add("id", id), cancellationToken)).SingleOrDefault();

    public Task<List<NotifyInboxEntry>> ListAsync(string? instance, string? outcome, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {Columns} FROM notify_inbox WHERE (@instance = '' OR instance = @instance) AND (@outcome = '' OR outcome = @outcome) ORDER BY received_at DESC, id DESC LIMIT @limit",
            c => c.Add("instance", instance ?? "").Add("outcome", outcome ?? "").Add("limit", limit),
            cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> of the oldest notifies received before <paramref name="cutoff"/>; how many went.</summary>
    public Task<int> TrimAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(
            "DELETE FROM notify_inbox WHERE id IN (SELECT id FROM notify_inbox WHERE received_at < @cutoff ORDER BY received_at LIMIT @limit)",
            c => c.Add("cutoff", cutoff).Add("limit", limit),
            cancellationToken);

    private async Task<List<NotifyInboxEntry>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<NotifyInboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new NotifyInboxEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.Time(3), reader.NullableString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                (byte[])reader.GetValue(6), reader.NullableString(7), reader.NullableString(8), reader.IsDBNull(9) ? null : reader.Time(9)));
        }

        return entries;
    }
}

/// <summary>A stored notify.</summary>
internal sealed record NotifyInboxEntry(
    string Id, string Instance, string Kind, DateTimeOffset ReceivedAt, string? ContentType, IReadOnlyDictionary<string, string> Headers,
    byte[] Body, string? Outcome, string? PaymentId, DateTimeOffset? ProcessedAt);
