using System.Globalization;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Refunds;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    private const string Processing = "PROCESSING";
    private const string RefundNotExist = "REFUNDNOTEXIST";

    /// <summary>
    /// <c>secapi/pay/refund</c> over mutual TLS; <c>out_refund_no</c> is the gateway refund id, so a retry of the same
    /// refund is refunded once. SUCCESS only means accepted: the refund notify or refund query settles it.
    /// </summary>
    public async Task<ProviderResult<RefundResult>> RefundAsync(Gateway.Abstractions.Payments.RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RefundsUnavailableReason is { } reason)
        {
            return new ProviderError(ProviderErrorKind.Rejected, "NO_CLIENT_CERTIFICATE", $"Refunds are disabled on '{InstanceName}': {reason}");
        }

        var apply = new WeChatPay.Models.RefundRequest
        {
            OutTradeNo = request.Payment.PaymentId,
            OutRefundNo = request.RefundId,
            TotalFee = request.TotalAmount,
            RefundFee = request.RefundAmount,
            RefundDesc = request.Reason,
            NotifyUrl = RefundNotifyUrl.ToString(),
        };
        var call = await CallAsync("refund", request.Payment.PaymentId, () => Client.RefundAsync(apply, cancellationToken)).ConfigureAwait(false);
        return call.Ok
            ? ProviderResult<RefundResult>.Success(new RefundResult(call.Reply.RefundId, Processing))
            : call.Error;
    }

    /// <inheritdoc />
    public async Task<ProviderResult<RefundQueryResult>> QueryRefundAsync(RefundQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("refundquery", query.PaymentId, () => Client.RefundQueryAsync(query.RefundId, cancellationToken)).ConfigureAwait(false);
        if (!call.Ok)
        {
            return call.Error.Code == RefundNotExist
                ? ProviderResult<RefundQueryResult>.Success(new RefundQueryResult(RefundState.NotFound, RefundNotExist))
                : call.Error;
        }

        if (call.Reply.Find(query.RefundId) is not { } item)
        {
            return ProviderResult<RefundQueryResult>.Success(new RefundQueryResult(RefundState.NotFound, RefundNotExist));
        }

        return ProviderResult<RefundQueryResult>.Success(new RefundQueryResult(ToState(item.RefundStatus), item.RefundStatus)
        {
            ProviderRefundId = item.RefundId,
            Amount = item.RefundFee,
            SucceededAt = item.SuccessTime,
        });
    }

    /// <summary>
    /// The refund notify (B7): no sign; the <c>req_info</c> must decrypt with this instance's key, which is what
    /// authenticates it. The host checks it against the stored refund.
    /// </summary>
    private NotifyParseResult ParseRefund(ReadOnlySpan<byte> body)
    {
        Dictionary<string, string> outer;
        try
        {
            outer = WeChatXml.Parse(body);
        }
        catch (WeChatXmlException)
        {
            return Malformed("The body is not a valid WeChat XML message.");
        }

        if (Field(outer, "return_code") != WeChatPayCodes.Success || Field(outer, "req_info") is not { } reqInfo)
        {
            return Malformed("return_code is not SUCCESS or req_info is missing.");
        }

        if (RefundRequestInfo.TryDecrypt(reqInfo, Options.ApiKey) is not { } fields)
        {
            return new NotifyParseResult.Rejected(NotifyRejections.BadSignature, "req_info does not decrypt with this instance's key.");
        }

        if (Field(fields, "out_refund_no") is not { } refundId || Field(fields, "out_trade_no") is not { } paymentId
            || Field(fields, "refund_status") is not { } status)
        {
            return Malformed("req_info lacks out_refund_no, out_trade_no or refund_status.");
        }

        // Fen, at least 1 (refund_fee=0 once parsed); settlement_refund_fee (less coupons) is never more than refund_fee.
        if (Fen(fields, "refund_fee") is not { } refundFee || Fen(fields, "total_fee") is not { } total)
        {
            return Malformed("req_info lacks a positive integer refund_fee or total_fee.");
        }

        if (Field(fields, "settlement_refund_fee") is { } settlementText
            && (!long.TryParse(settlementText, NumberStyles.None, CultureInfo.InvariantCulture, out var settlement) || settlement > refundFee))
        {
            return Malformed($"settlement_refund_fee {settlementText} is not an amount up to refund_fee {refundFee}.");
        }

        return new NotifyParseResult.Refund(new RefundNotification
        {
            RefundId = refundId,
            PaymentId = paymentId,
            ProviderRefundId = Field(fields, "refund_id"),
            State = ToState(status),
            ProviderState = status,
            Amount = refundFee,
            TotalAmount = total,
            AppId = Field(outer, "appid"),
            MerchantId = Field(outer, "mch_id"),
            SucceededAt = WeChatTime.TryParseDateTime(Field(fields, "success_time"), out var at) ? at : null,
        });
    }

    private static long? Fen(Dictionary<string, string> fields, string name)
        => long.TryParse(Field(fields, name), NumberStyles.None, CultureInfo.InvariantCulture, out var fen) && fen > 0 ? fen : null;

    // SUCCESS: refunded. REFUNDCLOSE: closed. CHANGE: abnormal, left to a person; money did not go back, so failed here.
    private static RefundState ToState(string status) => status switch
    {
        "SUCCESS" => RefundState.Succeeded,
        "REFUNDCLOSE" or "CHANGE" => RefundState.Failed,
        _ => RefundState.Processing,
    };
}
