using System.Text.Json;
using Gateway.Configuration;
using Gateway.Payments;
using Gateway.Store;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.Webhooks;

/// <summary>
/// Builds the outbox row for a transition: the payload is a snapshot of the payment at that moment;
/// the URL is the payment's <c>notifyUrl</c>, else the client's default <c>WebhookUrl</c>. No URL, no event.
/// </summary>
internal sealed class WebhookEventFactory
{
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly JsonSerializerOptions _json;

    public WebhookEventFactory(GatewaySnapshotProvider snapshots, IOptions<JsonOptions> json)
    {
        _snapshots = snapshots;
        _json = json.Value.SerializerOptions;
    }

    public WebhookEvent? Create(PaymentRecord payment, string type, DateTimeOffset now)
    {
        var url = payment.NotifyUrl ?? _snapshots.Current.Clients.GetValueOrDefault(payment.ClientId)?.WebhookUrl;
        if (url is null)
        {
            return null;
        }

        var id = "evt_" + PaymentIds.NewPaymentId(now)[4..];
        var payload = JsonSerializer.Serialize(new { id, type, createdAt = now, data = PaymentResponse.From(payment) with { Action = null } }, _json);
        return new WebhookEvent
        {
            Id = id,
            PaymentId = payment.Id,
            ClientId = payment.ClientId,
            Type = type,
            Url = url,
            Payload = payload,
            Status = WebhookEventStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            TraceParent = payment.TraceParent,
        };
    }
}

/// <summary>The states of an outbox row.</summary>
internal static class WebhookEventStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
