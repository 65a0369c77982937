using System.Data.Common;
using Gateway.Store;

namespace Gateway.Notify;

/// <summary>
/// A verified notify as the inbox keeps it, with its outcome: written in the transaction of the transition it
/// caused, alone when it changed nothing that needs durability, or in a batch (duplicates, <see cref="NotifyInboxRecorder"/>).
/// </summary>
internal sealed record NotifyInboxRow(
    string Id, string Instance, string Kind, DateTimeOffset ReceivedAt, string? ContentType, string HeadersJson, byte[] Body) : IRecordedRow
{
    // Positional parameters, in the column order (see DbCommandExtensions.AddNext).
    public const string Insert = """
        INSERT INTO notify_inbox (id, instance, kind, received_at, content_type, headers, body, outcome, payment_id, processed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    string IRecordedRow.InsertSql => Insert;

    public string? Outcome { get; set; }

    public string? PaymentId { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public void Bind(DbCommand command) => command
        .AddNext(Id).AddNext(Instance).AddNext(Kind).AddNext(ReceivedAt).AddNext(ContentType)
        .AddNext(HeadersJson).AddNext(Body).AddNext(Outcome).AddNext(PaymentId).AddNext(ProcessedAt);
}

/// <summary>
/// The inbox row of a notify riding on the transition it causes: written in the same transaction, with the
/// outcome that transition means, so the first notify of a payment commits once.
/// </summary>
internal sealed class InboxRowAttachment(NotifyInboxRow row, DateTimeOffset now) : ITransitionAttachment
{
    /// <summary>True once the row was written in a transition's transaction (committed if no exception followed).</summary>
    public bool Written { get; private set; }

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, PaymentTransition transition, CancellationToken cancellationToken)
    {
        row.Outcome = transition.To == Abstractions.Payments.PaymentStatus.RequiresReview ? "review" : "accepted";
        row.PaymentId = transition.PaymentId;
        row.ProcessedAt = now;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = NotifyInboxRow.Insert;
        row.Bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Written = true;
    }
}
