using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Notify;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// Plays the payer confirming a payment in WeChat, then hands the order to the notify sender. The merchant's
/// <c>pay_fail</c> fault makes the payment fail (PAYERROR, FAIL notify); <c>user_paying</c> keeps it USERPAYING for
/// a while before it succeeds.
/// </summary>
internal sealed partial class PaymentSimulator(NotifyQueue notifies, V3NotifyQueue v3Notifies, FaultBook faults, TimeProvider time, ILogger<PaymentSimulator> logger)
{
    public IResult Pay(SandboxOrder order, bool sendNotify = true)
    {
        var mchId = order.Terms.MchId;
        if (faults.Take(mchId, FaultKinds.PayFail) is not null)
        {
            return Settle(order, OrderState.PayError, sendNotify);
        }

        if (faults.Take(mchId, FaultKinds.UserPaying) is { } paying)
        {
            if (Refusal(order.TryPay(time.GetUtcNow(), order.Terms.OpenId, OrderState.UserPaying)) is { } refused)
            {
                return refused;
            }

            _ = FinishLaterAsync(order, FaultDelay.Of(paying, 2000), sendNotify);
            return Results.Ok(new PaymentAccepted(order.Terms.OutTradeNo, "", "userpaying"));
        }

        return Settle(order, OrderState.Success, sendNotify);
    }

    private IResult Settle(SandboxOrder order, OrderState outcome, bool sendNotify)
    {
        var now = time.GetUtcNow();
        // A JSAPI order is paid by the openid it names; other trade types get a made-up payer.
        if (Refusal(order.TryPay(now, order.Terms.OpenId, outcome)) is { } refused)
        {
            return refused;
        }

        var payment = order.Snapshot(now).Payment!;
        if (sendNotify)
        {
            // An APIv3 order gets the v3 notify (JSON, encrypted resource, Wechatpay-* signature headers), and only for a
            // success: v3's payment notify is TRANSACTION.SUCCESS alone; a failed payment shows in the query.
            if (order.Terms.IsV3)
            {
                if (outcome == OrderState.Success)
                {
                    v3Notifies.Enqueue(order);
                }
                else
                {
                    order.FinishNotify(NotifyStatus.NotSent);
                }
            }
            else
            {
                notifies.Enqueue(order);
            }
        }

        LogPaid(order.Terms.MchId, order.Terms.OutTradeNo, payment.TransactionId, TradeStates.ToWire(outcome));
        return Results.Ok(new PaymentAccepted(order.Terms.OutTradeNo, payment.TransactionId, outcome == OrderState.Success ? "paid" : "payerror"));
    }

    private async Task FinishLaterAsync(SandboxOrder order, TimeSpan after, bool sendNotify)
    {
        await Task.Delay(after, time).ConfigureAwait(false);
        // The order may have been closed meanwhile; then the payment simply never completes.
        Settle(order, OrderState.Success, sendNotify);
    }

    private static IResult? Refusal(PayResult result) => result switch
    {
        PayResult.AlreadyPaid => PayerProblems.OrderPaid(),
        PayResult.Closed => PayerProblems.OrderClosed(),
        PayResult.PaymentCodeExpired => PayerProblems.PaymentCodeExpired(),
        _ => null,
    };

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Sandbox payer paid order {OutTradeNo} of merchant {MchId}: transaction {TransactionId}, {TradeState}.")]
    private partial void LogPaid(string mchId, string outTradeNo, string transactionId, string tradeState);
}
