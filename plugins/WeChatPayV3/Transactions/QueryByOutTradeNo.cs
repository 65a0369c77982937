using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    /// <summary>
    /// <c>[GET] /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=</c>. ORDER_NOT_EXIST (404) arrives as a
    /// Rejected error with its code, like every business refusal. REF: https://pay.weixin.qq.com/doc/v3/merchant/4013070356
    /// </summary>
    public async Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("transactions/out-trade-no", query.PaymentId, () => _client.QueryByOutTradeNoAsync(query.PaymentId, cancellationToken))
            .ConfigureAwait(false);
        if (call.Value is not { } transaction)
        {
            return call.Error!;
        }

        var state = transaction.TradeState ?? "";
        var status = TradeStates.ToStatus(state);
        return ProviderResult<PaymentQueryResult>.Success(new PaymentQueryResult(status, state)
        {
            ProviderTransactionId = transaction.TransactionId,
            // amount.total is the order amount in every state; it is only "paid" once the payment succeeded.
            PaidAmount = status == PaymentStatus.Succeeded ? transaction.Amount?.Total : null,
            Currency = transaction.Amount?.Currency ?? "CNY",
            PaidAt = transaction.SuccessTime,
        });
    }
}
