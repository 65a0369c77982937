using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Plugins.PaysApi.Models;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    /// <summary>
    /// The payment notify (form fields paysapi_id, orderid, price, realprice, orderuid, key). The key is
    /// checked here; the order's existence, owner and amount are checked by the host against the store.
    /// <c>price</c> becomes <see cref="PaymentNotification.Amount"/> and <c>realprice</c> the paid amount;
    /// a realprice short by more than <c>ToleranceFen</c>, or above price, is flagged for review instead
    /// of counted as paid. REF: docs/protocols.md §E4.
    /// </summary>
    public ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = request.Kind == NotifyKind.Payment
            ? ParsePayment(request.Body.Span)
            : new NotifyParseResult.Rejected(NotifyRejections.Unsupported, "PaysAPI sends no refund notifies.");
        if (result is NotifyParseResult.Rejected rejected)
        {
            Log.NotifyRejected(_logger, _instanceName, rejected.Code, rejected.Reason);
        }

        return ValueTask.FromResult(result);
    }

    internal NotifyParseResult ParsePayment(ReadOnlySpan<byte> body)
    {
        if (ReadNotify(body) is not { } notify)
        {
            return Malformed("The body is not a form with paysapi_id, orderid, price, realprice and key, each once.");
        }

        if (!PaysApiSigner.Verify(notify, _options.Token))
        {
            return new NotifyParseResult.Rejected(NotifyRejections.BadSignature, "The key does not verify.");
        }

        if (!Yuan.TryParse(notify.Price, out var price) || price <= 0)
        {
            return Malformed("price is not a positive yuan amount with at most two decimals.");
        }

        if (!Yuan.TryParse(notify.RealPrice, out var realPrice))
        {
            return Malformed("realprice is not a yuan amount with at most two decimals.");
        }

        return new NotifyParseResult.Payment(new PaymentNotification
        {
            PaymentId = notify.OrderId,
            ProviderTransactionId = notify.PaysApiId,
            Status = PaymentStatus.Succeeded,
            Amount = price,
            PaidAmount = realPrice,
            Currency = Cny,
            MerchantId = _options.Uid,
            ReviewReason = ReviewReasonFor(price, realPrice),
        });
    }

    /// <summary>
    /// Personal-QR services shave a few fen off so they can tell concurrent payments apart; up to the
    /// instance's tolerance that is still "paid". More than that, or more than asked, needs a person.
    /// </summary>
    private string? ReviewReasonFor(long price, long realPrice)
    {
        if (realPrice > price)
        {
            return $"realprice {Yuan.Format(realPrice)} is above price {Yuan.Format(price)}.";
        }

        return price - realPrice > _options.ToleranceFen
            ? $"realprice {Yuan.Format(realPrice)} is {price - realPrice} fen below price {Yuan.Format(price)}, beyond the tolerance of {_options.ToleranceFen} fen."
            : null;
    }

    private static PaysApiNotify? ReadNotify(ReadOnlySpan<byte> body)
    {
        Dictionary<string, StringValues> form;
        try
        {
            form = QueryHelpers.ParseQuery(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        string? Single(string name, bool required = true)
            => form.TryGetValue(name, out var values) ? (values.Count == 1 ? values[0] : null) : (required ? null : "");

        var paysApiId = Single("paysapi_id");
        var orderId = Single("orderid");
        var price = Single("price");
        var realPrice = Single("realprice");
        var orderUid = Single("orderuid", required: false);
        var key = Single("key");
        if (string.IsNullOrEmpty(paysApiId) || string.IsNullOrEmpty(orderId) || price is null || realPrice is null
            || orderUid is null || string.IsNullOrEmpty(key))
        {
            return null;
        }

        return new PaysApiNotify { PaysApiId = paysApiId, OrderId = orderId, Price = price, RealPrice = realPrice, OrderUid = orderUid, Key = key };
    }

    private static NotifyParseResult.Rejected Malformed(string reason) => new(NotifyRejections.Malformed, reason);
}
