using System.Globalization;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary><c>POST /pay/orderquery</c>: by transaction_id (which wins when both are given) or out_trade_no.</summary>
internal sealed class OrderQueryOperation(OrderBook orders, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var reader = new RequestFieldReader(request.Fields);
        var transactionId = reader.Optional("transaction_id", 32);
        var outTradeNo = reader.Optional("out_trade_no", 32);
        if (transactionId is null && outTradeNo is null)
        {
            reader.Fail(ProtocolError.Missing("transaction_id或out_trade_no"));
        }

        if (reader.Error is not null)
        {
            return OperationResult.Refused(reader.Error);
        }

        var mchId = request.Merchant.MchId;
        var order = transactionId is not null
            ? orders.FindByTransactionId(mchId, transactionId)
            : orders.FindByOutTradeNo(mchId, outTradeNo!);
        return order is null
            ? OperationResult.BusinessFailure(WeChatErrorCodes.OrderNotExist, "订单不存在")
            : OperationResult.Succeeded(Describe(order.Snapshot(time.GetUtcNow())));
    }

    private static KeyValuePair<string, string>[] Describe(OrderSnapshot order)
    {
        var terms = order.Terms;
        var state = new List<KeyValuePair<string, string>>
        {
            new("out_trade_no", terms.OutTradeNo),
            new("attach", terms.Attach ?? ""),
            new("trade_state", TradeStates.ToWire(order.State)),
            new("trade_state_desc", TradeStates.Describe(order.State)),
        };
        if (order.Payment is { } payment)
        {
            var fee = terms.TotalFee.ToString(CultureInfo.InvariantCulture);
            state.AddRange(
            [
                new("transaction_id", payment.TransactionId),
                new("openid", payment.OpenId),
                new("is_subscribe", "N"),
                new("trade_type", terms.TradeType),
                new("bank_type", payment.BankType),
                new("total_fee", fee),
                new("fee_type", terms.FeeType),
                new("cash_fee", fee),
                new("time_end", BeijingTime.ToWire(payment.PaidAt)),
            ]);
        }

        return [.. state];
    }
}
