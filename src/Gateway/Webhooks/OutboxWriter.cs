using System.Data.Common;
using Gateway.Store;

namespace Gateway.Webhooks;

/// <summary>Writes an outbox row inside the caller's transaction, so the event commits with the state change or not at all.</summary>
internal static class OutboxWriter
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, WebhookEvent webhook, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO webhook_events (id, payment_id, client_id, type, url, payload, status, attempts, next_attempt_at, created_at, trace_parent)
            VALUES (@id, @payment_id, @client_id, @type, @url, @payload, @status, 0, @next_attempt_at, @created_at, @trace_parent)
            """;
        insert.Add("id", webhook.Id).Add("payment_id", webhook.PaymentId).Add("client_id", webhook.ClientId).Add("type", webhook.Type)
            .Add("url", webhook.Url).Add("payload", webhook.Payload).Add("status", webhook.Status)
            .Add("next_attempt_at", webhook.NextAttemptAt).Add("created_at", webhook.CreatedAt).Add("trace_parent", webhook.TraceParent);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
