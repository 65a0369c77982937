using System.Globalization;

namespace Gateway.WeChatPay.Models;

/// <summary>
/// The reply of <c>/pay/refundquery</c> (docs/protocols.md §B5): the order's refunds as indexed fields
/// <c>out_refund_no_$n</c>, <c>refund_id_$n</c>, <c>refund_fee_$n</c>, <c>refund_status_$n</c>, <c>refund_success_time_$n</c>.
/// </summary>
public sealed class RefundQueryResponse(IReadOnlyDictionary<string, string> fields) : WeChatPayResponse(fields)
{
    /// <summary>The refund numbered <paramref name="outRefundNo"/>, or null when the reply does not list it.</summary>
    public RefundQueryItem? Find(string outRefundNo)
    {
        var count = GetInt64("refund_count") ?? 0;
        for (var n = 0; n < count; n++)
        {
            var index = n.ToString(CultureInfo.InvariantCulture);
            if (Get("out_refund_no_" + index) == outRefundNo)
            {
                return new RefundQueryItem(
                    outRefundNo,
                    Get("refund_id_" + index),
                    GetInt64("refund_fee_" + index),
                    Get("refund_status_" + index) ?? "",
                    WeChatTime.TryParseDateTime(Get("refund_success_time_" + index), out var at) ? at : null);
            }
        }

        return null;
    }
}

/// <summary>One refund of a <see cref="RefundQueryResponse"/>.</summary>
/// <param name="OutRefundNo"><c>out_refund_no_$n</c>.</param>
/// <param name="RefundId"><c>refund_id_$n</c>.</param>
/// <param name="RefundFee"><c>refund_fee_$n</c> in fen.</param>
/// <param name="RefundStatus"><c>refund_status_$n</c>: SUCCESS, REFUNDCLOSE, PROCESSING, CHANGE.</param>
/// <param name="SuccessTime"><c>refund_success_time_$n</c>.</param>
public sealed record RefundQueryItem(string OutRefundNo, string? RefundId, long? RefundFee, string RefundStatus, DateTimeOffset? SuccessTime);
