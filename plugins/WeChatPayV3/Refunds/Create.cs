using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance : IRefundProvider
{
    // reason is string(80).
    private const int MaxReasonLength = 80;

    /// <summary>APIv3 refunds need only the request-signing key, which the settings already checked: always available.</summary>
    public string? RefundsUnavailableReason => null;

    /// <summary>
    /// <c>[POST] /v3/refund/domestic/refunds</c>: <c>out_refund_no</c> is the gateway refund id, so a retry of the same
    /// refund is refunded once; the notify goes to the instance's notify route, where <c>event_type</c> tells it from a
    /// payment's. 200 means accepted only: the <c>REFUND.*</c> notify or the refund query settles it.
    /// REF: docs/protocols.md §G3.d.
    /// </summary>
    public async Task<ProviderResult<RefundResult>> RefundAsync(Gateway.Abstractions.Payments.RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Currency, "CNY", StringComparison.OrdinalIgnoreCase))
        {
            return V3Errors.Invalid("UNSUPPORTED_CURRENCY", "WeChat Pay refunds CNY only.");
        }

        if (request.RefundAmount <= 0 || request.RefundAmount > request.TotalAmount)
        {
            return V3Errors.Invalid("INVALID_AMOUNT", "The refund must be a positive number of fen, at most the payment's total.");
        }

        var body = new Gateway.WeChatPayV3.Models.RefundRequest
        {
            // WeChat recommends transaction_id; before the host knows it, out_trade_no names the same order.
            TransactionId = request.Payment.ProviderTransactionId,
            OutTradeNo = request.Payment.ProviderTransactionId is null ? request.Payment.PaymentId : null,
            OutRefundNo = request.RefundId,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : Truncate(request.Reason, MaxReasonLength),
            NotifyUrl = _notifyUrl.GetLeftPart(UriPartial.Path),
            Amount = new RefundRequestAmount(request.RefundAmount, request.TotalAmount),
        };
        var call = await CallAsync("refund/domestic/refunds", request.Payment.PaymentId, () => _client.CreateRefundAsync(body, cancellationToken))
            .ConfigureAwait(false);
        if (call.Value is not { } refund)
        {
            return call.Error!;
        }

        // A reply about another refund is not an answer to this one: the outcome stays unknown, for the query to settle.
        if (refund.OutRefundNo != request.RefundId || refund.Amount?.Refund is { } amount && amount != request.RefundAmount)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply names another refund or amount.");
        }

        return ProviderResult<RefundResult>.Success(new RefundResult(refund.RefundId, refund.Status ?? RefundStates.Processing));
    }
}
