using System.Text.Json;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;

namespace Acme;

/// <summary>
/// Acme notifies: a JSON body <c>{"paymentId","transactionId","status":"paid","amount","currency","merchantId"}</c>
/// signed with <see cref="AcmeSignature"/>. Read with <see cref="JsonDocument"/> rather than a typed
/// model, which keeps the host's serializer caches free of plugin types (a plugin can then be unloaded).
/// </summary>
internal sealed partial class AcmeInstance
{
    public ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != NotifyKind.Payment)
        {
            return Rejected(NotifyRejections.Unsupported, "Acme sends payment notifies only.");
        }

        if (!AcmeSignature.Verify(_settings.Secret, request.Body.Span, request.Headers.GetValueOrDefault(AcmeSignature.Header)))
        {
            Log.BadSignature(_logger, _name);
            return Rejected(NotifyRejections.BadSignature, "The signature does not verify.");
        }

        try
        {
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            var notification = new PaymentNotification
            {
                PaymentId = root.GetProperty("paymentId").GetString() ?? "",
                ProviderTransactionId = root.GetProperty("transactionId").GetString() ?? "",
                Status = root.GetProperty("status").GetString() == "paid" ? PaymentStatus.Succeeded : PaymentStatus.Failed,
                Amount = root.GetProperty("amount").GetInt64(),
                Currency = root.GetProperty("currency").GetString() ?? "",
                MerchantId = root.GetProperty("merchantId").GetString(),
            };
            return notification.PaymentId.Length == 0 || notification.ProviderTransactionId.Length == 0
                ? Rejected(NotifyRejections.Malformed, "paymentId and transactionId are required.")
                : ValueTask.FromResult<NotifyParseResult>(new NotifyParseResult.Payment(notification));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Rejected(NotifyRejections.Malformed, "The body is not a Acme notify.");
        }
    }

    /// <summary>Acme retries until it gets <c>200 OK</c>.</summary>
    public NotifyAck CreateAck(bool success, string? reason = null)
        => success ? new NotifyAck(200, "text/plain", "OK") : new NotifyAck(500, "text/plain", "FAIL");

    private static ValueTask<NotifyParseResult> Rejected(string code, string reason) => ValueTask.FromResult<NotifyParseResult>(new NotifyParseResult.Rejected(code, reason));
}
