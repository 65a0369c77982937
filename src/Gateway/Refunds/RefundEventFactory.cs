using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Payments;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.Refunds;

/// <summary>
/// Builds the outbox row of a refund event (<c>refund.succeeded</c>, <c>refund.failed</c>): the refund, and the
/// payment's id and status after it. Sent to the payment's <c>notifyUrl</c>, else the client's <c>WebhookUrl</c>,
/// and signed by the dispatcher like every payment event.
/// </summary>
internal sealed class RefundEventFactory
{
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly JsonSerializerOptions _json;

    public RefundEventFactory(GatewaySnapshotProvider snapshots, IOptions<JsonOptions> json)
    {
        _snapshots = snapshots;
        _json = json.Value.SerializerOptions;
    }

    public WebhookEvent? Create(
        RefundRecord refund, string clientId, string? notifyUrl, PaymentStatus paymentStatus, string? traceParent, string type, DateTimeOffset now)
    {
        var url = notifyUrl ?? _snapshots.Current.Clients.GetValueOrDefault(clientId)?.WebhookUrl;
        if (url is null)
        {
            return null;
        }

        var id = "evt_" + PaymentIds.NewPaymentId(now)[4..];
        var data = RefundResponse.From(refund with { UpdatedAt = now });
        var payload = JsonSerializer.Serialize(
            new { id, type, createdAt = now, data, payment = new { id = refund.PaymentId, status = paymentStatus.ToName() } }, _json);
        return new WebhookEvent
        {
            Id = id,
            PaymentId = refund.PaymentId,
            ClientId = clientId,
            Type = type,
            Url = url,
            Payload = payload,
            Status = WebhookEventStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            TraceParent = traceParent,
        };
    }
}
