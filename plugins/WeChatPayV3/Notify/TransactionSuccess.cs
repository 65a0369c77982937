using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3.Notify;
using Gateway.WeChatPayV3.Signing;
using Gateway.WeChatPayV3.Verification;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    private const string TransactionSuccess = "TRANSACTION.SUCCESS";
    private const string TransactionResource = "transaction";

    /// <summary>
    /// The payment notify (<c>TRANSACTION.SUCCESS</c>): the signature headers are verified first (fresh timestamp,
    /// known serial, signature over the raw body), only then is <c>resource</c> decrypted. Amount and account are
    /// checked against the stored order by the host. <c>event_type</c> decides what it is: a <c>REFUND.*</c> event goes to
    /// <see cref="ParseRefund"/> (refunds name the same notify route).
    /// REF: docs/protocols.md §F and §G3.g.
    /// </summary>
    public async ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await ParseAsync(request, cancellationToken).ConfigureAwait(false);
        if (result is NotifyParseResult.Rejected rejected)
        {
            Log.NotifyRejected(_logger, _instanceName, rejected.Code, rejected.Reason);
        }

        return result;
    }

    private async Task<NotifyParseResult> ParseAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        WeChatPaySignatureHeaders.TryRead(request.Headers, out var headers);
        var check = await _client.Verifier.VerifyAsync(headers, request.Body, cancellationToken).ConfigureAwait(false);
        if (check != SignatureCheck.Valid)
        {
            return new NotifyParseResult.Rejected(NotifyRejections.BadSignature, $"The signature headers do not verify: {check}.");
        }

        if (NotifyResourceDecoder.ReadEnvelope(request.Body.Span) is not { } envelope)
        {
            return Malformed("The body is not a v3 notify.");
        }

        if (RefundStates.StatusOf(envelope.EventType) is { } refundStatus)
        {
            return ParseRefund(envelope, refundStatus);
        }

        if (envelope.EventType != TransactionSuccess || envelope.Resource?.OriginalType is not (null or TransactionResource))
        {
            return new NotifyParseResult.Rejected(NotifyRejections.Unsupported, $"Event {envelope.EventType} is not handled.");
        }

        // A wrong key, nonce, associated_data or a tampered ciphertext all fail the GCM tag.
        if (NotifyResourceDecoder.DecryptTransaction(envelope.Resource, _settings.Options.ApiV3Key) is not { } transaction)
        {
            return Malformed("The resource does not decrypt with the APIv3 key.");
        }

        if (transaction is not { OutTradeNo: { Length: > 0 } paymentId, TransactionId: { Length: > 0 } transactionId, Amount.Total: { } total })
        {
            return Malformed("out_trade_no, transaction_id or amount.total is missing.");
        }

        return new NotifyParseResult.Payment(new PaymentNotification
        {
            PaymentId = paymentId,
            ProviderTransactionId = transactionId,
            // The event says SUCCESS; trade_state says so too, and anything else is not a success.
            Status = transaction.TradeState == "SUCCESS" ? PaymentStatus.Succeeded : TradeStates.ToStatus(transaction.TradeState),
            Amount = total,
            Currency = transaction.Amount.Currency ?? "CNY",
            AppId = transaction.AppId,
            MerchantId = transaction.MchId,
            PaidAt = transaction.SuccessTime,
        });
    }

    private static NotifyParseResult.Rejected Malformed(string reason) => new(NotifyRejections.Malformed, reason);
}
