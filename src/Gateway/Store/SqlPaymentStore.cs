using System.Data.Common;
using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.PaymentChanges;
using Gateway.Store.Migrations;
using Gateway.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Store;

/// <summary>The payment store over ADO.NET, for any <see cref="StoreDialect"/>. Parameterised SQL only.</summary>
internal sealed partial class SqlPaymentStore : IPaymentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly StoreDialect _dialect;
    private readonly Func<PaymentRecord, string, DateTimeOffset, WebhookEvent?> _createEvent;
    private readonly ILogger _logger;
    private readonly IPaymentChangePublisher? _changes;

    /// <param name="dialect">The database.</param>
    /// <param name="createEvent">Builds the outbox row for a transition's event (null: no webhook target).</param>
    /// <param name="logger">Where schema migrations are reported.</param>
    /// <param name="changes">Told after each committed transition or new action (wakes open checkout pages).</param>
    public SqlPaymentStore(StoreDialect dialect, Func<PaymentRecord, string, DateTimeOffset, WebhookEvent?> createEvent, ILogger? logger = null,
        IPaymentChangePublisher? changes = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _changes = changes;
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _createEvent = createEvent ?? throw new ArgumentNullException(nameof(createEvent));
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => SchemaMigrations.ApplyAsync(_dialect, _logger, cancellationToken);

    public async Task<bool> TryInsertAsync(PaymentRecord p, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Positional parameters (see DbCommandExtensions.AddNext), in PaymentSchema.Columns order: $1 id, $2 client_id,
        // $3 merchant_order_id … $30 next_sync_at, then sync_attempts 0, $31 review_detail, $32 return_url,
        // review_refund_id NULL, $33 requested_channel.
        command.CommandText = $"""
            INSERT INTO payments ({PaymentSchema.Columns}) SELECT
            $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,
            $26, $27, $28, $29, $30, 0, $31, $32, NULL, $33
            WHERE NOT EXISTS (SELECT 1 FROM payments WHERE client_id = $2 AND merchant_order_id = $3 AND status <> 'failed')
            """;
        command.AddNext(p.Id).AddNext(p.ClientId).AddNext(p.MerchantOrderId).AddNext(p.Channel).AddNext(p.ProviderInstance)
            .AddNext(p.Plugin).AddNext(p.AppId).AddNext(p.MerchantId).AddNext(p.Amount).AddNext(p.Currency).AddNext(p.Description)
            .AddNext(p.ClientIp).AddNext(p.PayerOpenId).AddNext(p.ProductId).AddNext(p.NotifyUrl)
            .AddNext(JsonSerializer.Serialize(p.Metadata, Json)).AddNext(p.Status.ToName())
            .AddNext(p.Action is null ? null : JsonSerializer.Serialize(p.Action, Json)).AddNext(p.ProviderReference)
            .AddNext(p.ProviderTransactionId).AddNext(p.PaidAmount).AddNext(p.ErrorCode).AddNext(p.ErrorMessage).AddNext(p.ReviewReason)
            .AddNext(p.CreatedAt).AddNext(p.UpdatedAt).AddNext(p.ExpiresAt).AddNext(p.PaidAt).AddNext(p.TraceParent).AddNext(p.NextSyncAt)
            .AddNext(p.ReviewDetail).AddNext(p.ReturnUrl).AddNext(p.RequestedChannel);
        // A failed create does not burn the merchant order id; any other payment of the order does. Two
        // racing inserts both pass NOT EXISTS, and the unique index on pending payments refuses the second.
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<PaymentRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {PaymentSchema.Columns} FROM payments WHERE id = @id", c => c.Add("id", id), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<PaymentRecord>> FindByMerchantOrderIdAsync(string clientId, string merchantOrderId, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {PaymentSchema.Columns} FROM payments WHERE client_id = @client_id AND merchant_order_id = @merchant_order_id ORDER BY created_at DESC, id DESC",
            c => c.Add("client_id", clientId).Add("merchant_order_id", merchantOrderId),
            cancellationToken);

    public async Task SetActionAsync(string id, PaymentAction action, string? providerReference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _dialect.ExecuteAsync(
            "UPDATE payments SET action = $1, provider_reference = $2, updated_at = $3 WHERE id = $4",
            c => c.AddNext(JsonSerializer.Serialize(action, Json)).AddNext(providerReference).AddNext(now).AddNext(id),
            cancellationToken);
        _changes?.Publish(id);
    }

    public async Task<IReadOnlyList<PaymentRecord>> ClaimDueForSyncAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        // One statement claims the rows, so two gateway instances never sync the same payment at once.
        var rows = await QueryAsync(
            $"""
            UPDATE payments SET sync_lease_owner = @owner, sync_lease_until = @until
            WHERE id IN (
                SELECT id FROM payments
                WHERE status = 'pending' AND next_sync_at <= @now AND (sync_lease_until IS NULL OR sync_lease_until < @now)
                ORDER BY next_sync_at LIMIT @limit {_dialect.SkipLocked})
            RETURNING {PaymentSchema.Columns}
            """,
            c => c.Add("owner", owner).Add("until", now + lease).Add("now", now).Add("limit", limit),
            cancellationToken);
        return rows;
    }

    public Task ScheduleNextSyncAsync(string id, string owner, DateTimeOffset? nextSyncAt, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(
            """
            UPDATE payments SET next_sync_at = @next, sync_attempts = sync_attempts + 1, sync_lease_owner = NULL, sync_lease_until = NULL
            WHERE id = @id AND sync_lease_owner = @owner
            """,
            c => c.Add("next", nextSyncAt).Add("id", id).Add("owner", owner),
            cancellationToken);

    public async Task<bool> RecordFailureReportAsync(string id, string code, string? message, DateTimeOffset now, CancellationToken cancellationToken)
        => await _dialect.ExecuteAsync(
            "UPDATE payments SET error_code = @code, error_message = @message, updated_at = @now WHERE id = @id AND status = 'pending'",
            c => c.Add("code", code).Add("message", message).Add("now", now).Add("id", id),
            cancellationToken) == 1;

    public Task<IReadOnlyList<PaymentRecord>> SearchAsync(PaymentSearch search, CancellationToken cancellationToken)
    {
        // Only fixed fragments are joined; every value is a parameter. (Typed per filter rather than
        // "@p IS NULL OR ...", which PostgreSQL cannot type for a null parameter.)
        var where = new List<string>();
        if (search.Status is not null)
        {
            where.Add("status = @status");
        }

        if (search.ProviderInstance is not null)
        {
            where.Add("provider_instance = @instance");
        }

        if (search.MerchantOrderId is not null)
        {
            where.Add("merchant_order_id = @merchant_order_id");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return QueryAsync(
            $"SELECT {PaymentSchema.Columns} FROM payments {filter} ORDER BY created_at DESC, id DESC LIMIT @limit",
            c =>
            {
                c.Add("limit", (long)Math.Clamp(search.Limit, 1, 500));
                if (search.Status is { } status)
                {
                    c.Add("status", status.ToName());
                }

                if (search.ProviderInstance is { } instance)
                {
                    c.Add("instance", instance);
                }

                if (search.MerchantOrderId is { } merchantOrderId)
                {
                    c.Add("merchant_order_id", merchantOrderId);
                }
            },
            cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM (SELECT id FROM payments LIMIT 1) AS probe";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<PaymentRecord>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    private static PaymentRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ClientId = r.GetString(1),
        MerchantOrderId = r.GetString(2),
        Channel = r.GetString(3),
        ProviderInstance = r.GetString(4),
        Plugin = r.GetString(5),
        AppId = r.NullableString(6),
        MerchantId = r.GetString(7),
        Amount = r.GetInt64(8),
        Currency = r.GetString(9),
        Description = r.GetString(10),
        ClientIp = r.GetString(11),
        PayerOpenId = r.NullableString(12),
        ProductId = r.NullableString(13),
        NotifyUrl = r.NullableString(14),
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(15), Json) ?? [],
        Status = PaymentStatusNames.Parse(r.GetString(16)),
        Action = r.NullableString(17) is { } action ? JsonSerializer.Deserialize<PaymentAction>(action, Json) : null,
        ProviderReference = r.NullableString(18),
        ProviderTransactionId = r.NullableString(19),
        PaidAmount = r.IsDBNull(20) ? null : r.GetInt64(20),
        ErrorCode = r.NullableString(21),
        ErrorMessage = r.NullableString(22),
        ReviewReason = r.NullableString(23),
        CreatedAt = r.Time(24),
        UpdatedAt = r.Time(25),
        ExpiresAt = r.Time(26),
        PaidAt = r.IsDBNull(27) ? null : r.Time(27),
        TraceParent = r.NullableString(28),
        NextSyncAt = r.IsDBNull(29) ? null : r.Time(29),
        SyncAttempts = Convert.ToInt32(r.GetValue(30), System.Globalization.CultureInfo.InvariantCulture),
        ReviewDetail = r.NullableString(31),
        ReturnUrl = r.NullableString(32),
        ReviewRefundId = r.NullableString(33),
        RequestedChannel = r.NullableString(34),
    };
}
