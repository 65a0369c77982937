using Gateway.Webhooks;

namespace Gateway.Store.Tests;

/// <summary>A webhook event factory for store tests: one event per transition to the payment's notify URL.</summary>
internal static class TestEvents
{
    public static WebhookEvent? Create(PaymentRecord payment, string type, DateTimeOffset now) => payment.NotifyUrl is null ? null : new WebhookEvent
    {
        Id = "evt_" + Guid.NewGuid().ToString("N"),
        PaymentId = payment.Id,
        ClientId = payment.ClientId,
        Type = type,
        Url = payment.NotifyUrl,
        Payload = System.Text.Json.JsonSerializer.Serialize(new { type, data = new { id = payment.Id, status = payment.Status.ToName() } }),
        Status = WebhookEventStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
