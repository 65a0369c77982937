using System.Globalization;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    /// <summary>
    /// The payment result notify (B6). Amount and account are not checked against the order here: the
    /// host does that with the stored payment.
    /// REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_7
    /// </summary>
    public ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = request.Kind == NotifyKind.Payment ? ParsePayment(request.Body.Span) : ParseRefund(request.Body.Span);
        if (result is NotifyParseResult.Rejected rejected)
        {
            Log.NotifyRejected(Logger, InstanceName, rejected.Code, rejected.Reason);
        }

        return ValueTask.FromResult(result);
    }

    private NotifyParseResult ParsePayment(ReadOnlySpan<byte> body)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(body);
        }
        catch (WeChatXmlException)
        {
            return Malformed("The body is not a valid WeChat XML message.");
        }

        // Over every received field, known or not: WeChat adds fields and they are signed too. The algorithm is
        // the instance's SignType, never the notify's choice.
        if (!WeChatSigner.Verify(fields, Options.ApiKey, Options.SignType))
        {
            return new NotifyParseResult.Rejected(NotifyRejections.BadSignature, "The signature does not verify.");
        }

        if (Field(fields, "return_code") != WeChatPayCodes.Success)
        {
            return Malformed("return_code is not SUCCESS.");
        }

        // The host checks both against the stored order; a notify that leaves them out cannot be checked.
        if (Field(fields, "appid") is null || Field(fields, "mch_id") is null)
        {
            return Malformed("appid or mch_id is missing.");
        }

        // A failure report (result_code FAIL) may come without a transaction: it is recorded, never paid.
        var succeeded = Field(fields, "result_code") == WeChatPayCodes.Success;
        if (Field(fields, "out_trade_no") is not { } paymentId || (Field(fields, "transaction_id") ?? (succeeded ? null : "")) is not { } transactionId)
        {
            return Malformed("out_trade_no or transaction_id is missing.");
        }

        if (!long.TryParse(Field(fields, "total_fee"), NumberStyles.None, CultureInfo.InvariantCulture, out var totalFee))
        {
            return Malformed("total_fee is missing or not an integer.");
        }

        // A time_end that is given but is no Beijing time (e.g. 00010101000000, before any UTC instant) makes the
        // message malformed: refused quietly, so WeChat resends it. The money is not lost: sync and expiry ask
        // pay/orderquery, and the host settles a paid order whose time is unreadable at its own observation time.
        DateTimeOffset? paidAt = null;
        if (Field(fields, "time_end") is { } timeEnd)
        {
            if (!WeChatTime.TryParse(timeEnd, out var parsed))
            {
                return Malformed("time_end is not a yyyyMMddHHmmss Beijing time.");
            }

            paidAt = parsed;
        }

        return new NotifyParseResult.Payment(new PaymentNotification
        {
            PaymentId = paymentId,
            ProviderTransactionId = transactionId,
            Status = succeeded ? PaymentStatus.Succeeded : PaymentStatus.Failed,
            Amount = totalFee,
            Currency = Field(fields, "fee_type") ?? WeChatPayCodes.Cny,
            AppId = Field(fields, "appid"),
            MerchantId = Field(fields, "mch_id"),
            PaidAt = paidAt,
            ErrorCode = Field(fields, "err_code"),
            ErrorMessage = Field(fields, "err_code_des"),
        });
    }

    private static string? Field(Dictionary<string, string> fields, string name)
        => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static NotifyParseResult.Rejected Malformed(string reason) => new(NotifyRejections.Malformed, reason);
}
