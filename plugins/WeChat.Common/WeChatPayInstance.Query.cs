using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    public async Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("orderquery", query.PaymentId, () => Client.OrderQueryAsync(query.PaymentId, cancellationToken))
            .ConfigureAwait(false);
        if (!call.Ok)
        {
            // ORDERNOTEXIST arrives here as Rejected with its code, like every business refusal.
            return call.Error;
        }

        var reply = call.Reply;
        var state = reply.TradeState ?? "";
        var status = TradeStates.ToStatus(state);
        return ProviderResult<PaymentQueryResult>.Success(new PaymentQueryResult(status, state)
        {
            ProviderTransactionId = reply.TransactionId,
            // total_fee is the order amount in every state; it is only "paid" once the payment succeeded.
            PaidAmount = status == PaymentStatus.Succeeded ? reply.TotalFee : null,
            Currency = reply.FeeType ?? WeChatPayCodes.Cny,
            // Null when time_end is absent or unreadable (00010101000000): the order is still settled, the host then
            // records the moment it observed the payment (ProviderReportApplier), so received money is never lost.
            PaidAt = reply.TimeEnd,
        });
    }
}
